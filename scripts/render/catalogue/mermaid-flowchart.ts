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

/**
 * The layout rule. GitHub draws a Mermaid chart at its natural size and shrinks it to the column, about 980 px,
 * when it is wider; labels are 16 px at natural size, so a chart at most `MAX_CHART_WIDTH` wide keeps every label
 * at 10 px or more. Widths are estimated from the source as dagre lays a top-to-bottom flowchart out: nodes in
 * ranks along the edges, each edge label a node of its own in the rank between its ends, a node as wide as its
 * longest line. Charts are made so their estimate stays within the limit (`chartWidth` is tested against it).
 */
export const COLUMN_WIDTH = 980;
export const LABEL_PX = 16;
export const MIN_LABEL_PX = 10;
/** 1,568 px less the diagram's own margins. */
export const MAX_CHART_WIDTH = Math.floor((COLUMN_WIDTH * LABEL_PX) / MIN_LABEL_PX) - 2 * 8;
/** A generous average glyph width of Mermaid's 16 px sans-serif (0.6 em), so estimates err wide. */
const CHAR_PX = 9.6;
const NODE_PADDING_PX = 2 * 15;
const EDGE_LABEL_PADDING_PX = 2 * 4;
const NODE_SPACING_PX = 50;
/** An edge crossing a rank takes room there too (dagre's dummy node and its spacing). */
const DUMMY_PX = 20;
/** Node labels wrap at this many characters, so a long title adds height, not width. */
export const LABEL_LINE_CHARS = 20;
/** Past this many personas a chart is hard to follow, whatever its width. */
export const MAX_CHART_NODES = 24;
/** GitHub's Mermaid refuses diagrams over 50,000 characters; stay well below. */
export const MERMAID_MAX_CHARS = 45_000;

/** One chart: the personas it draws as its own, others it draws dashed, and its edges. */
export interface Chart {
  own: PersonaOutline[];
  external: PersonaOutline[];
  edges: RelationshipEdge[];
}

/** `title` in lines of at most `LABEL_LINE_CHARS` characters, broken between words (a longer word alone). */
export function labelLines(title: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of singleLine(title)
    .split(' ')
    .filter((w) => w !== '')) {
    const chars = Array.from(word);
    for (let start = 0; start < chars.length; start += LABEL_LINE_CHARS) {
      const piece = chars.slice(start, start + LABEL_LINE_CHARS).join('');
      const joined = line === '' ? piece : `${line} ${piece}`;
      if (Array.from(joined).length <= LABEL_LINE_CHARS) line = joined;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function externalLines(persona: PersonaOutline): string[] {
  return [...labelLines(persona.title), ...labelLines(`(${persona.product})`)];
}

function nodeWidth(lines: readonly string[]): number {
  return Math.max(...lines.map((line) => Array.from(line).length)) * CHAR_PX + NODE_PADDING_PX;
}

interface NodeLook {
  /** Estimated widths drawn as one of the chart's own personas, and dashed (with its product). */
  own: number;
  external: number;
  /** Mermaid labels, wrapped and encoded, for the same two. */
  ownLabel: string;
  externalLabel: string;
}

/** Charts are built one node and edge at a time, each step measured: a persona's look is worked out once. */
const LOOKS = new WeakMap<PersonaOutline, NodeLook>();

function lookOf(persona: PersonaOutline): NodeLook {
  let look = LOOKS.get(persona);
  if (!look) {
    const own = labelLines(persona.title);
    const external = externalLines(persona);
    look = {
      own: nodeWidth(own),
      external: nodeWidth(external),
      ownLabel: wrapped(own),
      externalLabel: wrapped(external),
    };
    LOOKS.set(persona, look);
  }
  return look;
}

function edgeLabelWidth(edge: RelationshipEdge): number {
  return RELATION_LABELS[edge.relation].length * CHAR_PX + EDGE_LABEL_PADDING_PX;
}

/**
 * The estimated natural width of `chart` drawn top to bottom: the widest rank, nodes and edge labels side by
 * side with dagre's spacing between them. Ranks are taken both as early and as late as the edges allow, and the
 * wider kept, since dagre may settle a node anywhere between the two.
 */
export function chartWidth(chart: Chart): number {
  const nodes = [...chart.own, ...chart.external];
  const widths = new Map<PersonaOutline, number>();
  for (const node of chart.own) widths.set(node, lookOf(node).own);
  for (const node of chart.external) widths.set(node, lookOf(node).external);
  // Edges go down two ranks: the label sits in the rank between. Invisible stacking links (isolated own
  // personas, one under the other) go down two as well, without a label.
  const links = [
    ...chart.edges.map((edge) => ({ from: edge.from, to: edge.to, label: edgeLabelWidth(edge) })),
    ...stackedPairs(chart).map(([from, to]) => ({ from, to, label: 0 })),
  ];
  let widest = 0;
  for (const direction of ['down', 'up'] as const) {
    const rank = layer(nodes, links, direction);
    const rows = new Map<number, number[]>();
    const add = (at: number, width: number) => {
      const row = rows.get(at);
      if (row) row.push(width);
      else rows.set(at, [width]);
    };
    for (const node of nodes) add(rank.get(node) ?? 0, widths.get(node) ?? 0);
    for (const link of links) {
      const top = Math.min(rank.get(link.from) ?? 0, rank.get(link.to) ?? 0);
      const bottom = Math.max(rank.get(link.from) ?? 0, rank.get(link.to) ?? 0);
      for (let at = top + 1; at < bottom; at++)
        add(at, at === top + 1 && link.label > 0 ? link.label : DUMMY_PX);
    }
    for (const row of rows.values())
      widest = Math.max(widest, row.reduce((sum, w) => sum + w, 0) + (row.length - 1) * NODE_SPACING_PX);
  }
  return widest;
}

/**
 * Longest-path layering, every link two ranks long: 'down' puts each node as high as its incoming links allow,
 * 'up' as low as its outgoing ones do. A cycle (mutual links drawn once cannot make one, but links in both
 * directions with different relations can) is cut where it closes, as dagre reverses one of its edges.
 */
function layer(
  nodes: readonly PersonaOutline[],
  links: ReadonlyArray<{ from: PersonaOutline; to: PersonaOutline }>,
  direction: 'down' | 'up',
): Map<PersonaOutline, number> {
  const next = new Map<PersonaOutline, PersonaOutline[]>();
  for (const link of links) {
    const [a, b] = direction === 'down' ? [link.from, link.to] : [link.to, link.from];
    const list = next.get(b);
    if (list) list.push(a);
    else next.set(b, [a]);
  }
  const rank = new Map<PersonaOutline, number>();
  const visiting = new Set<PersonaOutline>();
  const depth = (node: PersonaOutline): number => {
    const known = rank.get(node);
    if (known !== undefined) return known;
    if (visiting.has(node)) return 0;
    visiting.add(node);
    let value = 0;
    for (const before of next.get(node) ?? []) value = Math.max(value, depth(before) + 2);
    visiting.delete(node);
    rank.set(node, value);
    return value;
  };
  for (const node of nodes) depth(node);
  if (direction === 'up') {
    const top = Math.max(0, ...rank.values());
    for (const [node, value] of rank) rank.set(node, top - value);
  }
  return rank;
}

/** Own personas without an edge in the chart, stacked one under the other by invisible links. */
function stackedPairs(chart: Chart): Array<[PersonaOutline, PersonaOutline]> {
  const linked = new Set<PersonaOutline>();
  for (const edge of chart.edges) linked.add(edge.from).add(edge.to);
  const alone = chart.own.filter((p) => !linked.has(p));
  return alone.slice(1).map((p, index) => [alone[index] as PersonaOutline, p]);
}

/** Whether a chart is within the layout rule and GitHub's limits. */
export function chartFits(chart: Chart): boolean {
  return (
    chart.own.length + chart.external.length <= MAX_CHART_NODES &&
    chartWidth(chart) <= MAX_CHART_WIDTH &&
    mermaidChart(chart).length <= MERMAID_MAX_CHARS
  );
}

/**
 * One product's personas and the edges touching them, as charts that each fit (`chartFits`): personas in page
 * order, each with its edges, a new chart begun whenever the next edge or persona would not fit. An edge is
 * drawn once, in the chart of its `from` end when that is the product's, else of its `to` end; an end drawn in
 * no chart of its own here is drawn dashed.
 */
export function productCharts(
  product: string,
  personas: readonly PersonaOutline[],
  edges: readonly RelationshipEdge[],
): Chart[] {
  const charts: Chart[] = [];
  let chart: Chart = { own: [], external: [], edges: [] };
  const edgesOf = new Map<PersonaOutline, RelationshipEdge[]>();
  for (const edge of edges) {
    const home = edge.from.product === product ? edge.from : edge.to;
    const list = edgesOf.get(home);
    if (list) list.push(edge);
    else edgesOf.set(home, [edge]);
  }
  const withNode = (base: Chart, node: PersonaOutline): Chart =>
    base.own.includes(node)
      ? base
      : { ...base, own: [...base.own, node], external: base.external.filter((e) => e !== node) };
  const withEdge = (base: Chart, edge: RelationshipEdge): Chart => {
    const next = { ...base, external: [...base.external], edges: [...base.edges, edge] };
    for (const end of [edge.from, edge.to])
      if (!next.own.includes(end) && !next.external.includes(end)) next.external.push(end);
    return next;
  };
  const close = () => {
    if (chart.own.length > 0 || chart.edges.length > 0) charts.push(chart);
    chart = { own: [], external: [], edges: [] };
  };
  for (const persona of personas) {
    let tried = withNode(chart, persona);
    if (!chartFits(tried)) {
      close();
      tried = withNode(chart, persona);
    }
    chart = tried;
    for (const edge of edgesOf.get(persona) ?? []) {
      tried = withEdge(chart, edge);
      if (!chartFits(tried)) {
        // The persona is drawn as its own in one chart only; where its edges go on, it is drawn dashed.
        close();
        tried = withEdge(chart, edge);
      }
      chart = tried;
    }
  }
  close();
  return charts;
}

/**
 * Mermaid source of one chart, top to bottom. Node ids come from persona ids (`APP-101` → `APP_101`); labels are
 * titles wrapped with `<br>`, every character outside a small safe set written as a Mermaid entity code
 * (`#60;`), so a title can't end the label, inject Mermaid syntax, or carry HTML into the rendered SVG.
 */
export function mermaidChart(chart: Chart): string {
  const lines = ['flowchart TB'];
  for (const persona of chart.own) lines.push(`  ${nodeId(persona)}["${lookOf(persona).ownLabel}"]`);
  for (const persona of chart.external)
    lines.push(`  ${nodeId(persona)}["${lookOf(persona).externalLabel}"]:::external`);
  for (const [from, to] of stackedPairs(chart)) lines.push(`  ${nodeId(from)} ~~~ ${nodeId(to)}`);
  for (const edge of chart.edges)
    lines.push(
      `  ${nodeId(edge.from)} ${edge.mutual ? '---' : '-->'}|${RELATION_LABELS[edge.relation]}| ${nodeId(edge.to)}`,
    );
  if (chart.external.length > 0) lines.push('  classDef external stroke-dasharray: 4 4');
  return lines.join('\n');
}

function wrapped(lines: readonly string[]): string {
  return lines.map(mermaidLabel).join('<br>');
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
