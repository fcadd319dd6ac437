// name: honour_recipients
// title_zh: 荣誉获得者（按年份）
// title_en: Recipients of an honour by year
// param: honour: str
// returns: one row per award of the honour (by name or id), by year (undated last):
// returns: year, edition, recipient, recipient_id, recipient_kind, organisation, quotes, documents.
MATCH (h:Honour)<-[:FOR_HONOUR]-(a:Award)-[:RECIPIENT]->(r)
WHERE h.id = $honour OR h.name = $honour
OPTIONAL MATCH (a)-[:RECIPIENT_ORG]->(o:Organisation)
OPTIONAL MATCH (a)-[s:SUPPORTED_BY]->(d:Document)
RETURN a.year AS year, a.edition AS edition, r.name AS recipient, r.id AS recipient_id,
       a.recipient_kind AS recipient_kind, o.name AS organisation,
       collect(DISTINCT s.quote) AS quotes, collect(DISTINCT d.path) AS documents
ORDER BY year IS NULL, year, recipient
