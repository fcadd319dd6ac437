// Check Cypher with Neo4j's own parser (@neo4j-cypher/language-support, lintCypherQuery).
// stdin:  {"statements": {"name": "cypher", ...}, "schema": {"labels": [...], "relationshipTypes": [...]}}
// stdout: {"name": [{"severity": "error" | "warning", "message", "line", "character"}, ...], ...}
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const input = JSON.parse(await readStdin());
const out = {};
for (const [name, query] of Object.entries(input.statements ?? {})) {
  const result = lintCypherQuery(query, input.schema ?? {});
  const diagnostics = Array.isArray(result) ? result : (result?.diagnostics ?? []);
  out[name] = diagnostics.map((d) => ({
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    line: d.range?.start?.line,
    character: d.range?.start?.character,
  }));
}
process.stdout.write(JSON.stringify(out));
