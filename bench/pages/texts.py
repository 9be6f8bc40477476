"""Invented news text for the labelled page set (bench/pages/build_pages.py): names, places, outlets and
sentence templates in English, German, French, Spanish, Japanese and Arabic. Nothing here is copied from a
real page; the shapes of the pages around this text are what imitate the web."""

from __future__ import annotations

import random

PEOPLE_EN = [
    "Maria Gonzalez",
    "James O'Connor",
    "Aisha Rahman",
    "Daniel Kim",
    "Sophie Laurent",
    "Tom Becker",
    "Priya Nair",
    "Lucas Moreau",
    "Hannah Schmidt",
    "Kenji Watanabe",
    "Elena Petrova",
    "Samuel Okafor",
    "Grace Liu",
    "Oliver Bennett",
    "Fatima Haddad",
    "Noah Fischer",
    "Chloe Martin",
    "Ravi Patel",
]
ORGS_EN = [
    "the Harbour Authority",
    "Northwind Energy",
    "the Ministry of Transport",
    "Calder Bank",
    "the city council",
    "Brightline Rail",
    "the national weather service",
    "Meridian Health",
    "the port workers' union",
    "Vantage Motors",
]
PLACES_EN = [
    "Kirkhaven",
    "Port Ellery",
    "Marlow Bay",
    "Aldenbridge",
    "Westmere",
    "Farrow Point",
    "Greyhallow",
    "Lindqvist Harbour",
]
SUBJECTS_EN = [
    "a new ferry terminal",
    "the winter budget",
    "a rail strike",
    "flood defences",
    "the hospital expansion",
    "a wind farm",
    "school closures",
    "the bridge repairs",
    "electricity prices",
    "a housing plan",
]

EN_SENTENCES = [
    "{org} said on {weekday} that {subject} in {place} would go ahead despite objections.",
    "{person}, who has followed the issue for years, called the decision long overdue.",
    "Officials in {place} expect the first phase to cost about {number} million.",
    "Residents packed a meeting hall on {weekday} evening to question {org} about {subject}.",
    '"We have waited too long for this," {person} told reporters outside the town hall.',
    "Critics argue that {subject} will do little for families already struggling with rising costs.",
    "A spokesperson for {org} declined to comment on the timetable.",
    "The plan was first proposed in {year} but stalled after a change of leadership.",
    "Figures released on {weekday} showed a rise of {small} per cent on the previous year.",
    "{person} said the numbers did not reflect what people in {place} were seeing every day.",
    "Opposition members demanded an independent review of {subject}.",
    "The vote is expected before the end of the month, according to two people familiar with the talks.",
    "Shares in {org2} rose sharply after the announcement.",
    "Engineers warned that delays could push the work well into next year.",
    "Local businesses in {place} have been asked to prepare for disruption.",
    "{org2} has promised to publish a full report once the consultation closes.",
]
EN_HEADLINES = [
    "{place} approves {subject} after months of debate",
    "{org_cap} under pressure over {subject}",
    "What {subject} means for families in {place}",
    "{person} warns of delays to {subject}",
    "Great things ahead, if {place} can agree on {subject}",
    "Why {subject} divides {place}",
    "{org_cap} unveils plan for {subject}",
]

DE_SENTENCES = [
    "Die Stadtverwaltung von {place} hat am {weekday} neue Pläne für den Hafen vorgestellt.",
    "Nach Angaben von {person} sollen die Arbeiten im Frühjahr beginnen.",
    "Kritiker bemängeln, dass die Kosten von {number} Millionen Euro zu hoch seien.",
    "„Wir müssen jetzt handeln“, sagte {person} vor Journalisten.",
    "Die Opposition fordert eine unabhängige Prüfung der Vorhaben.",
    "Anwohner äußerten Sorgen über Lärm und Verkehr während der Bauzeit.",
    "Eine Entscheidung des Stadtrats wird für Ende des Monats erwartet.",
    "Die Gewerkschaft kündigte für die kommende Woche weitere Gespräche an.",
]
DE_HEADLINES = [
    "Streit um Hafenausbau in {place} geht weiter",
    "{place}: Stadtrat berät über Brückenprojekt",
    "Mehr Geld für Schulen in {place} – Opposition übt Kritik",
]
FR_SENTENCES = [
    "La mairie de {place} a présenté {weekday} un nouveau projet pour le port.",
    "Selon {person}, les travaux devraient commencer au printemps prochain.",
    "Les opposants estiment que le coût de {number} millions d'euros est trop élevé.",
    "« Nous devons agir maintenant », a déclaré {person} devant la presse.",
    "Les habitants s'inquiètent du bruit et de la circulation pendant le chantier.",
    "Une décision du conseil municipal est attendue à la fin du mois.",
    "Le syndicat a annoncé de nouvelles négociations pour la semaine prochaine.",
    "L'opposition réclame une évaluation indépendante du projet.",
]
FR_HEADLINES = [
    "À {place}, le projet du port divise les élus",
    "{place} : la rénovation du pont à l'étude",
    "Écoles de {place} : des crédits en hausse, l'opposition critique",
]
ES_SENTENCES = [
    "El ayuntamiento de {place} presentó el {weekday} un nuevo plan para el puerto.",
    "Según {person}, las obras comenzarán la próxima primavera.",
    "Los críticos sostienen que el coste de {number} millones de euros es excesivo.",
    "«Tenemos que actuar ya», dijo {person} ante los periodistas.",
    "Los vecinos temen el ruido y el tráfico durante la construcción.",
    "Se espera una decisión del pleno municipal a finales de mes.",
    "El sindicato anunció nuevas negociaciones para la semana que viene.",
    "La oposición exige una evaluación independiente del proyecto.",
]
ES_HEADLINES = [
    "{place} aprueba la ampliación del puerto tras meses de debate",
    "Polémica en {place} por el nuevo puente",
    "Más dinero para las escuelas de {place}",
]
JA_SENTENCES = [
    "{place}市は{weekday}、港湾の再開発計画を発表した。",
    "{person}氏によると、工事は来年春に始まる見通しだ。",
    "総事業費は約{number}億円に上り、市民からは懸念の声も上がっている。",
    "「今こそ行動すべきだ」と{person}氏は記者団に語った。",
    "市議会は今月末までに結論を出す方針だ。",
    "労働組合は来週にも協議を再開すると明らかにした。",
    "野党は計画の第三者による検証を求めている。",
]
JA_HEADLINES = [
    "{place}市、港湾再開発計画を発表",
    "{place}の橋梁工事、来春着工へ",
    "{place}市議会、予算案を可決",
]
AR_SENTENCES = [
    "أعلنت بلدية {place} يوم {weekday} عن خطة جديدة لتطوير الميناء.",
    "وقال {person} إن الأعمال ستبدأ في الربيع المقبل.",
    "ويرى منتقدون أن التكلفة البالغة {number} مليون دولار مرتفعة للغاية.",
    "وأضاف {person} للصحفيين: «علينا أن نتحرك الآن».",
    "ويخشى السكان من الضجيج وازدحام المرور خلال فترة البناء.",
    "ومن المتوقع أن يتخذ المجلس البلدي قراره في نهاية الشهر.",
    "وطالبت المعارضة بإجراء تقييم مستقل للمشروع.",
]
AR_HEADLINES = ["بلدية {place} تعلن خطة لتطوير الميناء", "جدل في {place} حول مشروع الجسر الجديد"]

PEOPLE = {
    "de": ["Katrin Vogel", "Jürgen Hoffmann", "Lena Krüger", "Matthias Weiß"],
    "fr": ["Claire Dubois", "Étienne Lefèvre", "Amélie Girard", "François Noël"],
    "es": ["Lucía Fernández", "José Martínez", "Carmen Ruiz", "Andrés Núñez"],
    "ja": ["佐藤健", "鈴木花子", "高橋誠", "田中美咲"],
    "ar": ["أحمد الخطيب", "ليلى منصور", "محمد العلي", "سارة حداد"],
}
PLACES = {
    "de": ["Kirchhafen", "Elmsbrück", "Lindau-Süd", "Mörsheim"],
    "fr": ["Port-Ellery", "Saint-Aubin-sur-Mer", "Valmont", "Lérac"],
    "es": ["Puerto Ellery", "Villalba del Río", "Castromar", "Peñaluna"],
    "ja": ["港浜", "北原", "青葉", "白石"],
    "ar": ["الميناء الجديد", "وادي النخيل", "الرمال", "القلعة"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes"],
    "ja": ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"],
}
SENTENCES = {
    "en": EN_SENTENCES,
    "de": DE_SENTENCES,
    "fr": FR_SENTENCES,
    "es": ES_SENTENCES,
    "ja": JA_SENTENCES,
    "ar": AR_SENTENCES,
}
HEADLINES = {
    "en": EN_HEADLINES,
    "de": DE_HEADLINES,
    "fr": FR_HEADLINES,
    "es": ES_HEADLINES,
    "ja": JA_HEADLINES,
    "ar": AR_HEADLINES,
}


def _fill(template: str, rng: random.Random, lang: str) -> str:
    people = PEOPLE_EN if lang == "en" else PEOPLE[lang]
    places = PLACES_EN if lang == "en" else PLACES[lang]
    org = rng.choice(ORGS_EN)
    return template.format(
        org=org,
        org_cap=org[0].upper() + org[1:],
        org2=rng.choice(ORGS_EN).removeprefix("the "),
        person=rng.choice(people),
        place=rng.choice(places),
        subject=rng.choice(SUBJECTS_EN),
        weekday=rng.choice(WEEKDAYS[lang]),
        number=rng.randint(12, 900),
        small=rng.randint(2, 19),
        year=rng.randint(2009, 2023),
    )


def headline(rng: random.Random, lang: str = "en") -> str:
    text = _fill(rng.choice(HEADLINES[lang]), rng, lang)
    return text[0].upper() + text[1:]


def paragraphs(rng: random.Random, lang: str = "en", count: int | None = None) -> list[str]:
    """`count` paragraphs of two to four sentences (four to seven paragraphs by default)."""
    n = count or rng.randint(4, 7)
    joiner = "" if lang == "ja" else " "
    return [
        joiner.join(_fill(s, rng, lang) for s in rng.sample(SENTENCES[lang], rng.randint(2, 4)))
        for _ in range(n)
    ]


def people(rng: random.Random, lang: str = "en", k: int = 1) -> list[str]:
    return rng.sample(PEOPLE_EN if lang == "en" else PEOPLE[lang], k)
