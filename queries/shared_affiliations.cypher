// name: shared_affiliations
// title_zh: 共同任职机构或共同参加活动的人物
// title_en: People who share organisations or events with a person
// param: person: str
// returns: one row per other person and shared thing: person, other, other_id, via
// returns: ('organisation': both hold a position there or were honoured as its members;
// returns: 'event': both are named in the event's sentence or a sentence starting within 100 characters after it), shared.
MATCH (p:Person)<-[:HOLDER|RECIPIENT]-(x)-[:IN_ORGANISATION|RECIPIENT_ORG]->(o:Organisation)<-[:IN_ORGANISATION|RECIPIENT_ORG]-(y)-[:HOLDER|RECIPIENT]->(q:Person)
WHERE (p.id = $person OR p.name = $person) AND q.id <> p.id
RETURN DISTINCT p.name AS person, q.name AS other, q.id AS other_id, 'organisation' AS via, o.name AS shared
UNION
MATCH (p:Person)-[m1:MENTIONED_IN]->(d:Document)<-[s:SUPPORTED_BY]-(e:Event),
      (q:Person)-[m2:MENTIONED_IN]->(d)
WHERE (p.id = $person OR p.name = $person) AND q.id <> p.id
  AND m1.article = s.article AND m1.start >= s.start AND m1.start <= s.`end` + 100
  AND m2.article = s.article AND m2.start >= s.start AND m2.start <= s.`end` + 100
RETURN DISTINCT p.name AS person, q.name AS other, q.id AS other_id, 'event' AS via, e.name AS shared
