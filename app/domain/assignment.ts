/**
 * Who judges what: `assignJudges` gives each application exactly k judges, never a
 * conflicted one, with loads as even as the conflicts allow and panels that overlap (every
 * judge with work is linked to every other through shared applications, so that the
 * z-score method of SCORING.md can read each judge against the others).
 *
 * Pure and deterministic: the inputs are put in a canonical order first and every tie is
 * broken by a PRNG seeded with `seed`, so the same edition and seed give the same result
 * whatever order the ids arrive in.
 *
 * How:
 * 1. Greedy: applications with the fewest unconflicted judges first, each taking the k
 *    least-loaded unconflicted judges (seeded tie-breaks).
 * 2. Balance: while some judge could hand one application, through a chain of hand-overs
 *    between judges who may take it, to a judge with at least two fewer, do it. When no such
 *    chain exists the loads are optimal: the achievable load vectors are the bases of a
 *    polymatroid, and a base without an improving exchange minimises every convex cost of
 *    the loads, hence the gap between the most and the least loaded judge.
 * 3. Overlap: while the judges fall into separate groups, swap one judge of an application
 *    of one group with one judge of an application of another (loads unchanged), choosing
 *    a swap that cannot split a group (an edge that is not a bridge).
 * 4. Verify and report: failures say why and assign nothing; what could not be reached
 *    (even loads, overlapping panels) comes back as warnings.
 */
import { createPrng, MAX_SEED, type Prng } from './prng';

/** Further tries, from derived seeds, when the first one leaves separate panels. */
const EXTRA_ATTEMPTS = 7;

export interface AssignmentPair {
  judgeId: number;
  applicationId: number;
}

export interface AssignmentInput {
  applications: number[];
  judges: number[];
  conflicts: AssignmentPair[];
  /** Judges per application. */
  k: number;
  seed: number;
}

export type AssignmentFailure =
  | { code: 'invalid_k'; k: number }
  | { code: 'no_judges' }
  | { code: 'k_exceeds_judges'; k: number; judges: number }
  | { code: 'too_few_unconflicted_judges'; k: number; count: number; applicationIds: number[] };

export type AssignmentWarning =
  /** The loads could not be closer than this: the conflicts leave no better spread. */
  | { code: 'unbalanced'; minLoad: number; maxLoad: number }
  /** Fewer places (applications × k) than judges: some judges have nothing to do. */
  | { code: 'idle_judges'; count: number; judgeIds: number[] }
  /** The judges with work fall into this many groups that share no application. */
  | { code: 'separate_panels'; panels: number };

export interface JudgeLoad {
  judgeId: number;
  load: number;
}

export interface AssignmentQuality {
  minLoad: number;
  maxLoad: number;
  /** Groups of judges linked by shared applications (1 = every panel overlaps; 0 = nobody assigned). */
  panels: number;
}

export type AssignmentResult =
  | {
      ok: true;
      /** Sorted by application, then judge. */
      assignments: AssignmentPair[];
      loads: JudgeLoad[];
      quality: AssignmentQuality;
      warnings: AssignmentWarning[];
    }
  | { ok: false; reason: AssignmentFailure };

const sortedUnique = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

export function assignJudges(input: AssignmentInput): AssignmentResult {
  const { k } = input;
  if (!Number.isInteger(k) || k < 1) return { ok: false, reason: { code: 'invalid_k', k } };
  const apps = sortedUnique(input.applications);
  const judges = sortedUnique(input.judges);
  const n = apps.length;
  const m = judges.length;
  if (n > 0 && m === 0) return { ok: false, reason: { code: 'no_judges' } };
  if (n > 0 && k > m) return { ok: false, reason: { code: 'k_exceeds_judges', k, judges: m } };

  const appIndex = new Map(apps.map((id, i) => [id, i]));
  const judgeIndex = new Map(judges.map((id, i) => [id, i]));
  const allowed = new Uint8Array(n * m).fill(1);
  for (const c of input.conflicts) {
    const a = appIndex.get(c.applicationId);
    const j = judgeIndex.get(c.judgeId);
    if (a !== undefined && j !== undefined) allowed[a * m + j] = 0;
  }
  const allowedOf: number[][] = apps.map((_, a) => judges.map((_, j) => j).filter((j) => allowed[a * m + j]));
  const short = apps.filter((_, a) => allowedOf[a].length < k);
  if (short.length > 0) {
    return { ok: false, reason: { code: 'too_few_unconflicted_judges', k, count: short.length, applicationIds: short } };
  }

  // Greedy, balance and overlap; when the panels stay apart, a few more tries with seeds
  // derived from the given one (still deterministic), keeping the best.
  const rng = createPrng(input.seed);
  let state = attempt(rng);
  // With k = 1 no two judges ever share an application: no try could join them.
  for (let extra = 0; k > 1 && extra < EXTRA_ATTEMPTS && state.panelCount() > 1; extra++) {
    const next = attempt(createPrng(rng.below(MAX_SEED + 1)));
    if (next.panelCount() < state.panelCount()) state = next;
  }

  function attempt(random: Prng): Panels {
    const panels = new Panels(n, m, allowed);
    // 1. Greedy, the most constrained applications first.
    const tieBreak = apps.map(() => random.next());
    const order = apps.map((_, a) => a).sort((x, y) => allowedOf[x].length - allowedOf[y].length || tieBreak[x] - tieBreak[y]);
    for (const a of order) {
      const ranked = allowedOf[a].map((j) => ({ j, load: panels.load[j], r: random.next() })).sort((x, y) => x.load - y.load || x.r - y.r);
      for (const { j } of ranked.slice(0, k)) panels.add(a, j);
    }
    // 2. Balance, exploring judges in a seeded order.
    const judgeOrder = random.shuffle(judges.map((_, j) => j));
    while (panels.improveBalance(judgeOrder)) {
      // each improvement lowers the sum of squared loads: this ends
    }
    // 3. Overlapping panels (loads stay within their range).
    while (panels.panelCount() > 1 && panels.joinTwoPanels(random.shuffle(apps.map((_, a) => a)), judgeOrder)) {
      // each move joins two groups: this ends
    }
    return panels;
  }

  // 4. Verify and report.
  const assignments: AssignmentPair[] = [];
  for (let a = 0; a < n; a++) {
    const panel = state.panelOf(a);
    if (panel.length !== k || panel.some((j) => !allowed[a * m + j])) {
      throw new Error(`assignJudges: internal error on application ${apps[a]}`);
    }
    for (const j of panel.sort((x, y) => x - y)) assignments.push({ applicationId: apps[a], judgeId: judges[j] });
  }
  const loads = judges.map((judgeId, j) => ({ judgeId, load: state.load[j] }));
  const quality = qualityOf(loads, state.panelCount());
  const warnings: AssignmentWarning[] = [];
  if (quality.maxLoad - quality.minLoad > 1) warnings.push({ code: 'unbalanced', minLoad: quality.minLoad, maxLoad: quality.maxLoad });
  const idle = loads.filter((l) => l.load === 0).map((l) => l.judgeId);
  if (n > 0 && idle.length > 0) warnings.push({ code: 'idle_judges', count: idle.length, judgeIds: idle });
  if (quality.panels > 1) warnings.push({ code: 'separate_panels', panels: quality.panels });
  return { ok: true, assignments, loads, quality, warnings };
}

/**
 * The final round: every judge of the edition on every finalist, minus conflicts. Says which
 * finalists are left with no judge at all.
 */
export function assignEveryJudge(input: Omit<AssignmentInput, 'k' | 'seed'>): {
  assignments: AssignmentPair[];
  withoutJudge: number[];
} {
  const conflicted = new Set(input.conflicts.map((c) => `${c.judgeId}:${c.applicationId}`));
  const assignments: AssignmentPair[] = [];
  const withoutJudge: number[] = [];
  for (const applicationId of sortedUnique(input.applications)) {
    const before = assignments.length;
    for (const judgeId of sortedUnique(input.judges)) {
      if (!conflicted.has(`${judgeId}:${applicationId}`)) assignments.push({ judgeId, applicationId });
    }
    if (assignments.length === before) withoutJudge.push(applicationId);
  }
  return { assignments, withoutJudge };
}

/** Loads, spread and overlap of any set of assignments (for showing the current state of a round). */
export function describeAssignments(judges: readonly number[], pairs: readonly AssignmentPair[]) {
  const ids = sortedUnique([...judges, ...pairs.map((p) => p.judgeId)]);
  const load = new Map(ids.map((id) => [id, 0]));
  for (const p of pairs) load.set(p.judgeId, (load.get(p.judgeId) ?? 0) + 1);
  const loads = ids.map((judgeId) => ({ judgeId, load: load.get(judgeId)! }));
  return { loads, quality: qualityOf(loads, countPanels(pairs)) };
}

/** Groups of judges linked through shared applications (judges without assignments are not counted). */
export function countPanels(pairs: readonly AssignmentPair[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const p of pairs) {
    const j = `j${p.judgeId}`;
    const a = `a${p.applicationId}`;
    if (!parent.has(j)) parent.set(j, j);
    if (!parent.has(a)) parent.set(a, a);
    parent.set(find(j), find(a));
  }
  const roots = new Set<string>();
  for (const key of parent.keys()) if (key.startsWith('j')) roots.add(find(key));
  return roots.size;
}

function qualityOf(loads: readonly JudgeLoad[], panels: number): AssignmentQuality {
  const values = loads.map((l) => l.load);
  return {
    minLoad: values.length ? Math.min(...values) : 0,
    maxLoad: values.length ? Math.max(...values) : 0,
    panels,
  };
}

/** The working state: who sits on which application's panel, by index. */
class Panels {
  readonly load: Int32Array;
  private readonly member: Uint8Array;
  private readonly panels: number[][];
  private readonly appsOfJudge: Set<number>[];

  constructor(
    private readonly n: number,
    private readonly m: number,
    private readonly allowed: Uint8Array,
  ) {
    this.load = new Int32Array(m);
    this.member = new Uint8Array(n * m);
    this.panels = Array.from({ length: n }, () => []);
    this.appsOfJudge = Array.from({ length: m }, () => new Set());
  }

  panelOf(a: number): number[] {
    return [...this.panels[a]];
  }

  add(a: number, j: number) {
    this.member[a * this.m + j] = 1;
    this.panels[a].push(j);
    this.appsOfJudge[j].add(a);
    this.load[j]++;
  }

  remove(a: number, j: number) {
    this.member[a * this.m + j] = 0;
    this.panels[a] = this.panels[a].filter((x) => x !== j);
    this.appsOfJudge[j].delete(a);
    this.load[j]--;
  }

  /** Judge j may take application a: not conflicted, not already on its panel. */
  private canTake(a: number, j: number) {
    return this.allowed[a * this.m + j] === 1 && this.member[a * this.m + j] === 0;
  }

  /**
   * Finds one chain of hand-overs from a judge to a judge with at least two fewer
   * applications, and applies it (the ends' loads move one step closer; the others keep theirs).
   */
  improveBalance(judgeOrder: readonly number[]): boolean {
    const sources = [...judgeOrder].sort((x, y) => this.load[y] - this.load[x]);
    for (const source of sources) {
      const path = this.findHandOverChain(source, judgeOrder);
      if (path) {
        for (const { from, to, a } of path) {
          this.remove(a, from);
          this.add(a, to);
        }
        return true;
      }
    }
    return false;
  }

  private findHandOverChain(source: number, judgeOrder: readonly number[]) {
    const target = this.load[source] - 2;
    if (target < 0) return null;
    const via = new Map<number, { from: number; a: number }>([[source, { from: -1, a: -1 }]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const from = queue[head];
      for (const a of [...this.appsOfJudge[from]].sort((x, y) => x - y)) {
        for (const to of judgeOrder) {
          if (via.has(to) || !this.canTake(a, to)) continue;
          via.set(to, { from, a });
          if (this.load[to] <= target) {
            const path: { from: number; to: number; a: number }[] = [];
            for (let node = to; node !== source; node = via.get(node)!.from) {
              const step = via.get(node)!;
              path.push({ from: step.from, to: node, a: step.a });
            }
            return path;
          }
          queue.push(to);
        }
      }
    }
    return null;
  }

  /** Union-find over judges through applications; judges without work are left out. */
  private components() {
    const parent = Array.from({ length: this.m }, (_, j) => j);
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    for (const panel of this.panels) {
      for (let i = 1; i < panel.length; i++) parent[find(panel[i])] = find(panel[0]);
    }
    return { find };
  }

  panelCount(): number {
    const { find } = this.components();
    const roots = new Set<number>();
    for (let j = 0; j < this.m; j++) if (this.load[j] > 0) roots.add(find(j));
    return roots.size;
  }

  /**
   * One swap that joins two groups of judges: judge p leaves application x (group 1) for
   * application y (group 2) and judge q does the opposite. Loads are unchanged. It joins the
   * groups unless both (p, x) and (q, y) are bridges of the judge–application graph.
   */
  joinTwoPanels(appOrder: readonly number[], judgeOrder: readonly number[]): boolean {
    const { find } = this.components();
    const bridges = this.bridges();
    const groupOf = (a: number) => find(this.panels[a][0]);
    for (const x of appOrder) {
      for (const y of appOrder) {
        if (groupOf(x) === groupOf(y)) continue;
        for (const p of this.panels[x]) {
          if (!this.canTake(y, p)) continue;
          for (const q of this.panels[y]) {
            if (!this.canTake(x, q)) continue;
            if (bridges.has(edgeKey(x, p)) && bridges.has(edgeKey(y, q))) continue;
            this.remove(x, p);
            this.remove(y, q);
            this.add(y, p);
            this.add(x, q);
            return true;
          }
        }
      }
    }
    // No swap: replace one judge of x by a judge of another group, if loads stay within their range.
    let minLoad = Infinity;
    let maxLoad = -Infinity;
    for (const load of this.load) {
      minLoad = Math.min(minLoad, load);
      maxLoad = Math.max(maxLoad, load);
    }
    const before = this.panelCount();
    for (const x of appOrder) {
      for (const p of this.panels[x]) {
        if (this.load[p] - 1 < minLoad) continue;
        for (const r of judgeOrder) {
          if (this.load[r] === 0 || this.load[r] + 1 > maxLoad || find(r) === groupOf(x) || !this.canTake(x, r)) continue;
          this.remove(x, p);
          this.add(x, r);
          if (this.panelCount() < before) return true;
          this.remove(x, r);
          this.add(x, p);
        }
      }
    }
    return false;
  }

  /** Bridges of the bipartite graph (applications 0..n-1, judges n..n+m-1), iteratively (Tarjan). */
  private bridges(): Set<string> {
    const size = this.n + this.m;
    const neighbours: number[][] = Array.from({ length: size }, () => []);
    for (let a = 0; a < this.n; a++) {
      for (const j of this.panels[a]) {
        neighbours[a].push(this.n + j);
        neighbours[this.n + j].push(a);
      }
    }
    const found = new Set<string>();
    const discovered = new Int32Array(size).fill(-1);
    const low = new Int32Array(size);
    let time = 0;
    for (let root = 0; root < size; root++) {
      if (discovered[root] !== -1) continue;
      // Frames: [vertex, parent, next neighbour index]; the graph is simple, so skipping the parent vertex is exact.
      const stack: [number, number, number][] = [[root, -1, 0]];
      discovered[root] = low[root] = time++;
      while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        const [v, parent] = frame;
        if (frame[2] < neighbours[v].length) {
          const w = neighbours[v][frame[2]++];
          if (w === parent) continue;
          if (discovered[w] === -1) {
            discovered[w] = low[w] = time++;
            stack.push([w, v, 0]);
          } else {
            low[v] = Math.min(low[v], discovered[w]);
          }
        } else {
          stack.pop();
          if (parent !== -1) {
            low[parent] = Math.min(low[parent], low[v]);
            if (low[v] > discovered[parent]) {
              const [a, j] = parent < this.n ? [parent, v - this.n] : [v, parent - this.n];
              found.add(edgeKey(a, j));
            }
          }
        }
      }
    }
    return found;
  }
}

const edgeKey = (a: number, j: number) => `${a}:${j}`;
