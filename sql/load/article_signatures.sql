insert into article_signatures (article_id, minhash)
select article_id, minhash from stage_article_signatures
on conflict (article_id) do update set minhash = excluded.minhash;
