/**
 * Minimum-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs).
 *
 * Costs are lexicographic pairs (primary, secondary): the primary part counts placements (−1 per person
 * placed), the secondary part is the score in units (negated). Comparing pairs lexicographically makes
 * "place as many as possible, then score as high as possible" one exact optimisation, with no big-M
 * constant that could overflow a double's 53-bit integers.
 *
 * Supplies sit on nodes (`setSupply`); each node with supply in turn sends its units along shortest paths
 * to the nearest node with demand, as the Hungarian method does row by row: a search from one node stays
 * local while partners have room, where a search from a common source would scan every unplaced person.
 * Nodes must be added in topological order (every arc from a lower to a higher node), which lets the
 * first potentials come from one pass over the arcs although costs are negative.
 */
export class MinCostFlow {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly caps: number[] = [];
  private readonly primaries: number[] = [];
  private readonly secondaries: number[] = [];
  private nodeCount = 0;
  private readonly supplies: number[] = [];
  private readonly likeOf: number[] = [];
  private builtArcs = 0;
  private builtNodes = 0;
  private excess = new Float64Array(0);
  private nextExcess = 0;

  // Residual graph in compressed rows, built by `prepare`.
  private start = new Int32Array(0);
  private head = new Int32Array(0);
  private residual = new Int32Array(0);
  private cost1 = new Float64Array(0);
  private cost2 = new Float64Array(0);
  private twin = new Int32Array(0);
  /** Position of each added arc in the residual rows. */
  private position = new Int32Array(0);
  /** The added arc behind each residual entry (forward entries only; −1 for backward ones). */
  private arcAt = new Int32Array(0);
  /**
   * Entries of each row with residual capacity come first, `live[u]` of them: a search scans only those.
   * Most entries are idle (a person's team has one or two members among the dozens who may join it), and
   * skipping them one by one was most of a search's work.
   */
  private live = new Int32Array(0);
  private pi1 = new Float64Array(0);
  private pi2 = new Float64Array(0);
  private prepared = false;

  /**
   * Adds a node. After a run, a node may still be added with the potential of `like` (a node whose
   * outgoing arcs it will mirror), so that the next run can continue from the current flow.
   */
  addNode(like?: number): number {
    if (this.prepared && like === undefined) throw new Error("a node added after a run needs `like`");
    this.supplies.push(0);
    this.likeOf.push(like ?? -1);
    return this.nodeCount++;
  }

  /** Units the node must send (positive) or receive (negative); supplies must sum to zero. */
  setSupply(node: number, amount: number) {
    this.supplies[node] = amount;
  }

  /** Adds an arc and returns its number (for `flowOn`). */
  /**
   * Adds an arc and returns its number. Before the first run, arcs must go from a lower to a higher node;
   * arcs added after a run may go anywhere: those that would lower the cost are saturated at once and the
   * next run routes the imbalance, keeping the optimality already proven for the rest.
   */
  addArc(from: number, to: number, capacity: number, primary: number, secondary: number): number {
    if (!this.prepared && from >= to) throw new Error("arcs must go from a lower to a higher node");
    this.tails.push(from);
    this.heads.push(to);
    this.caps.push(capacity);
    this.primaries.push(primary);
    this.secondaries.push(secondary);
    return this.tails.length - 1;
  }

  get nodeTotal(): number {
    return this.nodeCount;
  }

  get arcCount(): number {
    return this.tails.length;
  }

  /** Builds the residual rows for all arcs, with `flows` on the arcs built before (zero for new ones). */
  private buildRows(flows: Float64Array) {
    const n = this.nodeCount;
    const m = this.tails.length;
    const degree = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) {
      const u = this.tails[a] as number;
      const v = this.heads[a] as number;
      degree[u] = (degree[u] as number) + 1;
      degree[v] = (degree[v] as number) + 1;
    }
    this.start = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.start[v + 1] = (this.start[v] as number) + (degree[v] as number);
    const fill = this.start.slice(0, n);
    this.head = new Int32Array(2 * m);
    this.residual = new Int32Array(2 * m);
    this.cost1 = new Float64Array(2 * m);
    this.cost2 = new Float64Array(2 * m);
    this.twin = new Int32Array(2 * m);
    this.position = new Int32Array(m);
    this.arcAt = new Int32Array(2 * m).fill(-1);
    for (let a = 0; a < m; a++) {
      const u = this.tails[a] as number;
      const v = this.heads[a] as number;
      const forward = fill[u] as number;
      const backward = fill[v] as number;
      fill[u] = forward + 1;
      fill[v] = backward + 1;
      this.head[forward] = v;
      this.head[backward] = u;
      this.cost1[forward] = this.primaries[a] as number;
      this.cost2[forward] = this.secondaries[a] as number;
      this.cost1[backward] = -(this.primaries[a] as number);
      this.cost2[backward] = -(this.secondaries[a] as number);
      this.twin[forward] = backward;
      this.twin[backward] = forward;
      this.position[a] = forward;
      this.arcAt[forward] = a;
      const flow = a < flows.length ? (flows[a] as number) : 0;
      this.residual[forward] = (this.caps[a] as number) - flow;
      this.residual[backward] = flow;
    }
    this.live = new Int32Array(n);
    for (let k = 0; k < 2 * m; k++) this.sortEntry(k);
    this.dist1 = new Float64Array(n);
    this.dist2 = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.stamp = new Int32Array(n);
    this.done = new Uint8Array(n);
    this.builtArcs = m;
    this.builtNodes = n;
    this.scalar = this.primaries.every((primary) => primary === 0);
  }

  /** Continues from the current flow after nodes or arcs were added (see `addArc`). */
  private extend() {
    const flows = Float64Array.from({ length: this.builtArcs }, (_, a) => this.flowOn(a));
    const n = this.nodeCount;
    const grow = (old: Float64Array) => {
      const next = new Float64Array(n);
      next.set(old);
      return next;
    };
    this.pi1 = grow(this.pi1);
    this.pi2 = grow(this.pi2);
    this.excess = grow(this.excess);
    for (let v = this.builtNodes; v < n; v++) {
      const like = this.likeOf[v] as number;
      this.pi1[v] = this.pi1[like] as number;
      this.pi2[v] = this.pi2[like] as number;
    }
    const firstNew = this.builtArcs;
    this.buildRows(flows);
    for (let a = firstNew; a < this.tails.length; a++) {
      const u = this.tails[a] as number;
      const v = this.heads[a] as number;
      const r1 = (this.primaries[a] as number) + (this.pi1[u] as number) - (this.pi1[v] as number);
      const r2 = (this.secondaries[a] as number) + (this.pi2[u] as number) - (this.pi2[v] as number);
      if (r1 < 0 || (r1 === 0 && r2 < 0)) {
        const cap = this.caps[a] as number;
        const forward = this.position[a] as number;
        const backward = this.twin[forward] as number;
        this.residual[forward] = 0;
        this.residual[backward] = cap;
        this.sortEntry(forward);
        this.sortEntry(backward);
        this.excess[u] = (this.excess[u] as number) - cap;
        this.excess[v] = (this.excess[v] as number) + cap;
      }
    }
    this.nextExcess = 0;
  }

  private prepare() {
    const n = this.nodeCount;
    this.buildRows(new Float64Array(0));
    // Shortest distances from the supply nodes over the acyclic network give valid first potentials.
    this.pi1 = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.pi2 = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.excess = Float64Array.from(this.supplies);
    for (let v = 0; v < n; v++)
      if ((this.supplies[v] as number) > 0) {
        this.pi1[v] = 0;
        this.pi2[v] = 0;
      }
    for (let u = 0; u < n; u++) {
      const d1 = this.pi1[u] as number;
      if (d1 === Number.POSITIVE_INFINITY) continue;
      const d2 = this.pi2[u] as number;
      for (let k = this.start[u] as number; k < (this.start[u + 1] as number); k++) {
        if ((this.residual[k] as number) <= 0) continue;
        const v = this.head[k] as number;
        const n1 = d1 + (this.cost1[k] as number);
        const n2 = d2 + (this.cost2[k] as number);
        const o1 = this.pi1[v] as number;
        if (n1 < o1 || (n1 === o1 && n2 < (this.pi2[v] as number))) {
          this.pi1[v] = n1;
          this.pi2[v] = n2;
        }
      }
    }
    // Nodes no supply reaches never carry flow; any finite potential will do.
    for (let v = 0; v < n; v++)
      if (this.pi1[v] === Number.POSITIVE_INFINITY) {
        this.pi1[v] = 0;
        this.pi2[v] = 0;
      }
    this.prepared = true;
  }

  private dist1 = new Float64Array(0);
  private dist2 = new Float64Array(0);
  private parent = new Int32Array(0);
  private stamp = new Int32Array(0);
  private done = new Uint8Array(0);
  private round = 0;
  private visited: number[] = [];
  private heap = new Heap();
  private scalarHeap = new ScalarHeap();
  /** True when every primary cost is zero (the common case): searches then compare one number. */
  private scalar = false;

  /**
   * Dijkstra on reduced costs from `from`; stops at the first settled node with demand left and returns
   * it (or -1). Leaves settled nodes in `visited`, with `stamp === round` and `done === 1`.
   */
  private dijkstra(from: number): number {
    if (this.scalar) return this.dijkstraScalar(from);
    this.round++;
    const round = this.round;
    const { dist1, dist2, stamp, parent, done, head, live, cost1, cost2, pi1, pi2, start, heap } = this;
    this.visited.length = 0;
    heap.clear();
    const excess = this.excess;
    stamp[from] = round;
    done[from] = 0;
    dist1[from] = 0;
    dist2[from] = 0;
    parent[from] = -1;
    heap.push(from, 0, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u] === 1 && stamp[u] === round) continue;
      const popped1 = heap.lastKey1;
      const popped2 = heap.lastKey2;
      if (popped1 !== dist1[u] || popped2 !== dist2[u]) continue;
      done[u] = 1;
      this.visited.push(u);
      if ((excess[u] as number) < 0) return u;
      const base1 = (dist1[u] as number) + (pi1[u] as number);
      const base2 = (dist2[u] as number) + (pi2[u] as number);
      const end = (start[u] as number) + (live[u] as number);
      for (let k = start[u] as number; k < end; k++) {
        const v = head[k] as number;
        const n1 = base1 + (cost1[k] as number) - (pi1[v] as number);
        const n2 = base2 + (cost2[k] as number) - (pi2[v] as number);
        if (stamp[v] !== round) {
          stamp[v] = round;
          done[v] = 0;
        } else {
          if (done[v] === 1) continue;
          const o1 = dist1[v] as number;
          if (n1 > o1 || (n1 === o1 && n2 >= (dist2[v] as number))) continue;
        }
        dist1[v] = n1;
        dist2[v] = n2;
        parent[v] = k;
        heap.push(v, n1, n2);
      }
    }
    return -1;
  }

  /** The same search when every primary cost is zero: one key instead of two, about twice as fast. */
  private dijkstraScalar(from: number): number {
    this.round++;
    const round = this.round;
    const { dist2, stamp, parent, done, head, live, cost2, pi2, start } = this;
    const heap = this.scalarHeap;
    this.visited.length = 0;
    heap.clear();
    const excess = this.excess;
    stamp[from] = round;
    done[from] = 0;
    dist2[from] = 0;
    parent[from] = -1;
    heap.push(from, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      if (stamp[u] === round && done[u] === 1) continue;
      if (heap.lastKey !== dist2[u]) continue;
      done[u] = 1;
      this.visited.push(u);
      if ((excess[u] as number) < 0) return u;
      const base = (dist2[u] as number) + (pi2[u] as number);
      const end = (start[u] as number) + (live[u] as number);
      for (let k = start[u] as number; k < end; k++) {
        const v = head[k] as number;
        const next = base + (cost2[k] as number) - (pi2[v] as number);
        if (stamp[v] !== round) {
          stamp[v] = round;
          done[v] = 0;
        } else if (done[v] === 1 || next >= (dist2[v] as number)) continue;
        dist2[v] = next;
        parent[v] = k;
        heap.push(v, next);
      }
    }
    return -1;
  }

  /**
   * Sends every supply along shortest paths until done or `deadline` (performance.now()) passes.
   * `optimal`: all supplies routed, at least cost, and the potentials prove it. `infeasible`: some supply
   * cannot reach any demand.
   */
  run(deadline: number): "optimal" | "stopped" | "infeasible" {
    if (!this.prepared) this.prepare();
    else if (this.tails.length > this.builtArcs || this.nodeCount > this.builtNodes) this.extend();
    const { dist1, dist2, parent, head, residual, twin, pi1, pi2, excess } = this;
    const n = this.nodeCount;
    let iterations = 0;
    while (this.nextExcess < n) {
      const from = this.nextExcess;
      if ((excess[from] as number) <= 0) {
        this.nextExcess++;
        continue;
      }
      if ((++iterations & 15) === 0 && performance.now() > deadline) return "stopped";
      const to = this.dijkstra(from);
      if (to === -1) return "infeasible";
      const t1 = dist1[to] as number;
      const t2 = dist2[to] as number;
      let bottleneck = Math.min(excess[from] as number, -(excess[to] as number));
      for (let v = to; v !== from; ) {
        const k = parent[v] as number;
        if ((residual[k] as number) < bottleneck) bottleneck = residual[k] as number;
        v = head[twin[k] as number] as number;
      }
      const path = this.path;
      path.length = 0;
      for (let v = to; v !== from; ) {
        const k = parent[v] as number;
        residual[k] = (residual[k] as number) - bottleneck;
        residual[twin[k] as number] = (residual[twin[k] as number] as number) + bottleneck;
        path.push(
          (this.arcAt[k] as number) >= 0
            ? (this.arcAt[k] as number)
            : (this.arcAt[twin[k] as number] as number),
        );
        v = head[twin[k] as number] as number;
      }
      // Entries move between idle and live only after the walk, found again through their arc each time:
      // moving one renumbers other entries of its row.
      for (const arc of path) {
        this.sortEntry(this.position[arc] as number);
        this.sortEntry(twin[this.position[arc] as number] as number);
      }
      excess[from] = (excess[from] as number) - bottleneck;
      excess[to] = (excess[to] as number) + bottleneck;
      const visited = this.visited;
      // With every primary cost zero the primary potentials never change.
      if (!this.scalar) for (const v of visited) pi1[v] = (pi1[v] as number) + (dist1[v] as number) - t1;
      for (const v of visited) pi2[v] = (pi2[v] as number) + (dist2[v] as number) - t2;
    }
    return "optimal";
  }

  private readonly path: number[] = [];

  /** Moves entry `k` into its row's live part or out of it, as its residual capacity now says. */
  private sortEntry(k: number) {
    const u = this.head[this.twin[k] as number] as number;
    const border = (this.start[u] as number) + (this.live[u] as number);
    if ((this.residual[k] as number) > 0) {
      if (k < border) return;
      this.swapEntries(k, border);
      this.live[u] = (this.live[u] as number) + 1;
    } else if (k < border) {
      this.live[u] = (this.live[u] as number) - 1;
      this.swapEntries(k, border - 1);
    }
  }

  /** Swaps two entries of one row, keeping twins and arc positions pointing at them. */
  private swapEntries(i: number, j: number) {
    if (i === j) return;
    const { head, residual, cost1, cost2, twin, arcAt, position } = this;
    // Written out, not through a helper: this runs for every arc of every path.
    const h = head[i] as number;
    head[i] = head[j] as number;
    head[j] = h;
    const r = residual[i] as number;
    residual[i] = residual[j] as number;
    residual[j] = r;
    const c1 = cost1[i] as number;
    cost1[i] = cost1[j] as number;
    cost1[j] = c1;
    const c2 = cost2[i] as number;
    cost2[i] = cost2[j] as number;
    cost2[j] = c2;
    const t = twin[i] as number;
    twin[i] = twin[j] as number;
    twin[j] = t;
    const a = arcAt[i] as number;
    arcAt[i] = arcAt[j] as number;
    arcAt[j] = a;
    twin[twin[i] as number] = i;
    twin[twin[j] as number] = j;
    if ((arcAt[i] as number) >= 0) position[arcAt[i] as number] = i;
    if ((arcAt[j] as number) >= 0) position[arcAt[j] as number] = j;
  }

  /** Flow on an added arc. */
  flowOn(arc: number): number {
    if (!this.prepared) return 0;
    return this.residual[this.twin[this.position[arc] as number] as number] as number;
  }

  /** Both parts of every node's potential (read-only views, valid until the next change). */
  potentials(): [Float64Array, Float64Array] {
    return [this.pi1, this.pi2];
  }

  potential(node: number): [number, number] {
    return [this.pi1[node] as number, this.pi2[node] as number];
  }

  /**
   * Lagrangian lower bound on the cost of any flow meeting the supplies: Σ capacity × min(0, reduced cost)
   * − Σ supply × potential. Equals the cost when `run` has finished; arcs priced outside the network
   * (with `potential`) lower it further by their capacity × negative reduced cost. Nodes flagged in
   * `skip` contribute neither supply nor outgoing arcs: the caller prices them itself.
   */
  lowerBound(skip?: Uint8Array): [number, number] {
    let l1 = 0;
    let l2 = 0;
    for (let v = 0; v < this.nodeCount; v++) {
      if (skip?.[v]) continue;
      const b = this.supplies[v] as number;
      if (b !== 0) {
        l1 -= b * (this.pi1[v] as number);
        l2 -= b * (this.pi2[v] as number);
      }
    }
    const m = this.tails.length;
    for (let a = 0; a < m; a++) {
      const u = this.tails[a] as number;
      if (skip?.[u]) continue;
      const v = this.heads[a] as number;
      const r1 = (this.primaries[a] as number) + (this.pi1[u] as number) - (this.pi1[v] as number);
      const r2 = (this.secondaries[a] as number) + (this.pi2[u] as number) - (this.pi2[v] as number);
      if (r1 < 0 || (r1 === 0 && r2 < 0)) {
        const cap = this.caps[a] as number;
        l1 += cap * r1;
        l2 += cap * r2;
      }
    }
    return [l1, l2];
  }

  /** Total cost of the current flow. */
  cost(): [number, number] {
    let c1 = 0;
    let c2 = 0;
    const m = this.tails.length;
    for (let a = 0; a < m; a++) {
      const f = this.flowOn(a);
      if (f > 0) {
        c1 += f * (this.primaries[a] as number);
        c2 += f * (this.secondaries[a] as number);
      }
    }
    return [c1, c2];
  }
}

/** Binary min-heap of nodes keyed by lexicographic pairs; stale entries are skipped by the caller. */
class Heap {
  private nodes: number[] = [];
  private keys1: number[] = [];
  private keys2: number[] = [];
  lastKey1 = 0;
  lastKey2 = 0;

  get size() {
    return this.nodes.length;
  }

  clear() {
    this.nodes.length = 0;
    this.keys1.length = 0;
    this.keys2.length = 0;
  }

  push(node: number, key1: number, key2: number) {
    const { nodes, keys1, keys2 } = this;
    let i = nodes.length;
    nodes.push(node);
    keys1.push(key1);
    keys2.push(key2);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const p1 = keys1[p] as number;
      if (p1 < key1 || (p1 === key1 && (keys2[p] as number) <= key2)) break;
      nodes[i] = nodes[p] as number;
      keys1[i] = p1;
      keys2[i] = keys2[p] as number;
      i = p;
    }
    nodes[i] = node;
    keys1[i] = key1;
    keys2[i] = key2;
  }

  pop(): number {
    const { nodes, keys1, keys2 } = this;
    const top = nodes[0] as number;
    this.lastKey1 = keys1[0] as number;
    this.lastKey2 = keys2[0] as number;
    const lastNode = nodes.pop() as number;
    const last1 = keys1.pop() as number;
    const last2 = keys2.pop() as number;
    const n = nodes.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n) {
          const c1 = keys1[child] as number;
          const r1 = keys1[right] as number;
          if (r1 < c1 || (r1 === c1 && (keys2[right] as number) < (keys2[child] as number))) child = right;
        }
        const c1 = keys1[child] as number;
        if (c1 > last1 || (c1 === last1 && (keys2[child] as number) >= last2)) break;
        nodes[i] = nodes[child] as number;
        keys1[i] = c1;
        keys2[i] = keys2[child] as number;
        i = child;
      }
      nodes[i] = lastNode;
      keys1[i] = last1;
      keys2[i] = last2;
    }
    return top;
  }
}

/**
 * Binary min-heap of nodes keyed by one number; stale entries are skipped by the caller. Typed arrays,
 * grown by doubling: the searches push and pop tens of millions of entries per solve.
 */
class ScalarHeap {
  private nodes = new Int32Array(1024);
  private keys = new Float64Array(1024);
  size = 0;
  lastKey = 0;

  clear() {
    this.size = 0;
  }

  push(node: number, key: number) {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(2 * this.size);
      nodes.set(this.nodes);
      this.nodes = nodes;
      const keys = new Float64Array(2 * this.size);
      keys.set(this.keys);
      this.keys = keys;
    }
    const { nodes, keys } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parentKey = keys[p] as number;
      if (parentKey <= key) break;
      nodes[i] = nodes[p] as number;
      keys[i] = parentKey;
      i = p;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  pop(): number {
    const { nodes, keys } = this;
    const top = nodes[0] as number;
    this.lastKey = keys[0] as number;
    const n = --this.size;
    if (n > 0) {
      const lastNode = nodes[n] as number;
      const lastKey = keys[n] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && (keys[child + 1] as number) < (keys[child] as number)) child++;
        const childKey = keys[child] as number;
        if (childKey >= lastKey) break;
        nodes[i] = nodes[child] as number;
        keys[i] = childKey;
        i = child;
      }
      nodes[i] = lastNode;
      keys[i] = lastKey;
    }
    return top;
  }
}
