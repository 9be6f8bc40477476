-- articles.has_mojibake for the rows whose text the load just wrote (the merge into articles leaves it
-- null on a new or changed row), and for every stored row when migration 021 added the column (its
-- backfill): UTF-8 read as Latin-1 or windows-1252 ("Ã©", "â€”", "Â ") or a C1 control, in the title,
-- summary or body. The same pattern as transforms.decode.MOJIBAKE_SEQUENCES (a test keeps the two in step).
-- A replacement character (U+FFFD) is not counted: it stands for bytes or a reference ("&#0;") the
-- publisher got wrong, which no decoding can read.
update articles
set has_mojibake = regexp_matches(concat_ws(' ', title, summary, body),
    '[ÂÃ][\x{80}-\x{bf}\x{a0}-\x{ff}\x{152}-\x{2122}]|â[\x{80}-\x{bf}\x{20ac}][\x{80}-\x{bf}\x{152}-\x{2122}]|[\x{80}-\x{9f}]')
where has_mojibake is null;
