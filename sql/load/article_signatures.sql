merge into article_signatures
using (select article_id, minhash from stage_article_signatures) as incoming
on article_signatures.article_id = incoming.article_id
when matched then update set minhash = incoming.minhash
when not matched then insert by name;
