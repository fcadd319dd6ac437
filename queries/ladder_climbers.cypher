// name: ladder_climbers
// title_zh: 荣誉阶梯攀登者
// title_en: People who climbed an honour ladder
// param: ladder: str = ""
// returns: people holding two or more rungs of one honour ladder (of `ladder` only, when given:
// returns: craftsman, model_worker, may_day_medal …), one row per honour, lower rung first:
// returns: person_id, person, ladder, rung, honour, level, year.
MATCH (p:Person)<-[:RECIPIENT]-(:Award)-[:FOR_HONOUR]->(h:Honour)
WHERE h.ladder IS NOT NULL AND ($ladder = '' OR h.ladder = $ladder)
WITH p, h.ladder AS ladder, count(DISTINCT h.rung) AS rungs
WHERE rungs >= 2
MATCH (p)<-[:RECIPIENT]-(a:Award)-[:FOR_HONOUR]->(h:Honour)
WHERE h.ladder = ladder
RETURN p.id AS person_id, p.name AS person, ladder, h.rung AS rung, h.name AS honour,
       h.level AS level, a.year AS year
ORDER BY person, person_id, ladder, rung, year
