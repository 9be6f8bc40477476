from transforms.language import detect_language, language_code


def test_detected_from_the_text():
    english = "Ministers from both countries met in Vienna on Friday to sign the accord."
    french = "Les ministres des deux pays se sont réunis vendredi à Vienne pour signer l'accord."
    assert detect_language(english) == "en"
    assert detect_language(french, declared="en-GB") == "fr"
    assert detect_language("Die Minister beider Länder trafen sich am Freitag in Wien, um das Abkommen zu "
                           "unterzeichnen.") == "de"


def test_short_text_falls_back_to_the_declared_language():
    assert detect_language("Storm update", declared="en-GB") == "en"
    assert detect_language(None, declared=None) is None


def test_language_code():
    assert language_code("en-GB") == "en"
    assert language_code("pt_BR") == "pt"
    assert language_code(" ") is None
