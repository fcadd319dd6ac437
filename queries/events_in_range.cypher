// name: events_in_range
// title_zh: 时间段内的活动（主办单位与参与人物）
// title_en: Events in a date range, with organisers and participants
// param: date_from: str
// param: date_to: str
// returns: events dated date_from ≤ date ≤ date_to (ISO strings compared as text, so a month-precise
// returns: date 2025-11 falls before 2025-11-01), earliest first: id, name, date, place,
// returns: organisers, participants (people named in the event's sentence or a sentence starting within 100 characters after it).
MATCH (e:Event)
WHERE e.date >= $date_from AND e.date <= $date_to
OPTIONAL MATCH (e)-[:ORGANISED_BY]->(o:Organisation)
WITH e, collect(DISTINCT o.name) AS organisers
OPTIONAL MATCH (e)-[s:SUPPORTED_BY]->(:Document)<-[m:MENTIONED_IN]-(p:Person)
WHERE m.article = s.article AND m.start >= s.start AND m.start <= s.`end` + 100
RETURN e.id AS id, e.name AS name, e.date AS date, e.place AS place, organisers,
       collect(DISTINCT p.name) AS participants
ORDER BY date, name
