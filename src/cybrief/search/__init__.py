"""Search: queries, normalization (NFKC, traditional -> simplified, pinyin), fields, matching, ranked hits.

query.py holds a query; normalize.py makes text comparable; pinyin.py reads Latin letters as
pinyin; modes.py holds smart case and whole words; fields.py numbers the searchable fields of a brief;
match.py finds a query's spans in fields;
run.py ranks hits and counts from a source; hits.py shapes results; names.py matches typed names.
May import: brief, figures and the shared modules; never index, library, render, draft or cli.
"""
