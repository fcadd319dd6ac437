// name: mentorship_citations
// title_zh: 师徒关系的出处
// title_en: The sources of one master–apprentice link
// param: master: str
// param: apprentice: str
// returns: one row per piece of evidence that the master (id) trained the apprentice (id):
// returns: document, article_title, article_date, quote.
MATCH (m:Person)<-[:MASTER]-(x:Mentorship)-[:APPRENTICE]->(a:Person)
WHERE m.id = $master AND a.id = $apprentice
MATCH (x)-[s:SUPPORTED_BY]->(d:Document)
OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(art:Article)
WHERE art.`index` = s.article
RETURN d.path AS document, art.title AS article_title, art.date AS article_date, s.quote AS quote
ORDER BY document, s.start
