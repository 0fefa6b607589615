import type { PersonaOutline, Relation } from '../../core/catalogue-persona.ts';
import { RELATION_LABELS } from './relation-words.ts';
import { singleLine } from './single-line.ts';

export interface RelationshipEdge {
  from: PersonaOutline;
  to: PersonaOutline;
  relation: Relation;
  /** Both personas link each other with the same relation: one line without an arrow. */
  mutual: boolean;
}

/**
 * One edge per link, except that a pair linking each other with the same relation becomes a single undirected
 * edge. Links to unknown personas can't exist here: validation rejected them.
 */
export function relationshipEdges(personas: readonly PersonaOutline[]): RelationshipEdge[] {
  const bySlug = new Map(personas.map((p) => [p.slug, p]));
  const position = new Map(personas.map((p, index) => [p, index]));
  const relationOf = (from: PersonaOutline, to: string) =>
    from.composability.find((link) => link.persona === to)?.relation;
  const edges: RelationshipEdge[] = [];
  for (const from of personas) {
    for (const link of from.composability) {
      const to = bySlug.get(link.persona);
      if (!to || to === from) continue;
      const back = relationOf(to, from.slug);
      const mutual = back === link.relation;
      // A mutual pair is drawn once, from the persona that comes first in page order.
      if (mutual && (position.get(to) ?? 0) < (position.get(from) ?? 0)) continue;
      edges.push({ from, to, relation: link.relation, mutual });
    }
  }
  return edges;
}

export interface FlowchartGroup {
  label: string;
  personas: readonly PersonaOutline[];
}

/**
 * Mermaid source for a flowchart. Node ids come from persona ids (`APP-101` → `APP_101`); labels are persona
 * titles with every character outside a small safe set written as a Mermaid entity code (`#60;`), so a title
 * can't end the label, inject Mermaid syntax, or carry HTML into the rendered SVG.
 */
export function mermaidFlowchart(
  groups: readonly FlowchartGroup[],
  edges: readonly RelationshipEdge[],
  external: readonly PersonaOutline[] = [],
): string {
  const lines = ['flowchart LR'];
  groups.forEach((group, index) => {
    lines.push(`  subgraph product_${index}["${mermaidLabel(group.label)}"]`);
    for (const persona of group.personas)
      lines.push(`    ${nodeId(persona)}["${mermaidLabel(persona.title)}"]`);
    lines.push('  end');
  });
  for (const persona of external)
    lines.push(`  ${nodeId(persona)}["${mermaidLabel(`${persona.title} (${persona.product})`)}"]:::external`);
  for (const edge of edges)
    lines.push(
      `  ${nodeId(edge.from)} ${edge.mutual ? '---' : '-->'}|${RELATION_LABELS[edge.relation]}| ${nodeId(edge.to)}`,
    );
  if (external.length > 0) lines.push('  classDef external stroke-dasharray: 4 4');
  return lines.join('\n');
}

function nodeId(persona: PersonaOutline): string {
  return persona.id.replace(/[^A-Za-z0-9]/g, '_');
}

export function mermaidLabel(value: string): string {
  let out = '';
  for (const char of singleLine(value)) {
    out += /^[A-Za-z0-9 ,.'-]$/.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}
