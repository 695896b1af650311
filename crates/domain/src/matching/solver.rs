//! A maximum-weight assignment on a sparse bipartite graph, exactly.
//!
//! The Hungarian method in phases. Costs are `MAX − score`, and every row (ambassador) also has a
//! private "unassigned" column of cost `MAX`, so each row can always be placed and the minimum
//! total cost is the maximum total score. Columns (placements) may take more than one row: a
//! placement's capacity.
//!
//! Each phase runs one Dijkstra from all unplaced rows at once over the reduced costs (bucketed,
//! since costs are small integers), raises the duals so that the shortest augmenting paths
//! become tight, and then augments along a maximal set of disjoint tight paths. Dual
//! feasibility holds throughout and every augmentation uses tight edges only, so the result is
//! optimal. An unplaced row's dual rises by at least one per phase and never passes `MAX` (its
//! own unassigned column stays free), so there are at most `MAX + 1` phases with a rise, and
//! each costs time linear in the number of feasible pairs. Work and memory therefore grow with
//! the number of feasible pairs (edges), never with rows × columns.
//!
//! Two shortcuts keep the phases cheap without changing a single step. When a tight augmenting
//! path already exists, the shortest distance is zero and the Dijkstra would raise nothing, so
//! a phase first looks for tight paths and only runs the Dijkstra when there are none (most
//! phases need none: 11 of about 170 on a 20,000 × 20,000 instance). And between two rises
//! of the duals the tight edges do not change, so each row's are listed once and reused by the
//! searches that follow; only about one edge in forty is tight.

/// The feasible pairs, row by row (compressed sparse rows).
#[derive(Debug, Default, Clone)]
pub struct Graph {
    columns: usize,
    capacity: Vec<u32>,
    row_start: Vec<usize>,
    edge_column: Vec<u32>,
    edge_score: Vec<u32>,
}

impl Graph {
    /// A graph with these column capacities and no rows yet.
    pub fn new(capacity: Vec<u32>) -> Self {
        Graph {
            columns: capacity.len(),
            capacity,
            row_start: vec![0],
            edge_column: Vec::new(),
            edge_score: Vec::new(),
        }
    }

    /// Adds a row with its feasible `(column, score)` pairs. Scores must be positive: a pair
    /// worth nothing is no better than leaving the row unassigned.
    pub fn push_row(&mut self, edges: impl IntoIterator<Item = (u32, u32)>) {
        for (column, score) in edges {
            debug_assert!((column as usize) < self.columns && score > 0);
            self.edge_column.push(column);
            self.edge_score.push(score);
        }
        self.row_start.push(self.edge_column.len());
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.row_start.len() - 1
    }

    /// Number of feasible pairs.
    pub fn edges(&self) -> usize {
        self.edge_column.len()
    }

    fn row(&self, row: usize) -> std::ops::Range<usize> {
        self.row_start[row]..self.row_start[row + 1]
    }
}

const NONE: u32 = u32::MAX;
const FAR: u32 = u32::MAX;

/// For each row, the column it is assigned to, or `None`; the assignment has the maximum total
/// score, with ties broken the same way on every run.
pub fn solve(graph: &Graph) -> Vec<Option<u32>> {
    let mut solver = Hungarian::new(graph);
    while solver.phase() {}
    solver
        .assigned
        .iter()
        .map(|&column| ((column as usize) < solver.columns).then_some(column))
        .collect()
}

/// The solver's state. Column nodes are the real columns (`0..columns`) followed by each row's
/// private unassigned column (`columns + row`).
struct Hungarian<'g> {
    graph: &'g Graph,
    rows: usize,
    columns: usize,
    max: u32,
    /// Dual of each row.
    row_dual: Vec<i64>,
    /// Dual of each column node.
    column_dual: Vec<i64>,
    /// The column node each row is assigned to, or `NONE`.
    assigned: Vec<u32>,
    /// The rows in each real column.
    members: Vec<Vec<u32>>,
    // Scratch space, indexed rows first and then column nodes (`rows + column`), reset after
    // each use by walking `touched`.
    dist: Vec<u32>,
    settled: Vec<bool>,
    touched: Vec<usize>,
    buckets: Vec<Vec<u32>>,
    /// Each row's tight edges, listed the first time a search for tight paths needs them after
    /// the duals last changed.
    tight: TightEdges,
    // Reused by every phase rather than allocated anew.
    free_rows: Vec<usize>,
    visited: Vec<bool>,
    stack: Vec<Frame>,
}

/// The tight edges of the rows listed since the duals last changed (the current `epoch`), as
/// column nodes in edge order. At most one entry per edge and row, so memory still grows with
/// the edges; in practice a few percent of them.
struct TightEdges {
    epoch: u32,
    /// Per row: the epoch its list is from, and where the list is in `columns`.
    rows: Vec<(u32, std::ops::Range<usize>)>,
    columns: Vec<u32>,
}

/// One step of the search for tight augmenting paths: a row trying its edges, or a full column
/// trying to move one of its rows on.
#[derive(Clone, Copy)]
enum Frame {
    Row { row: usize, next: usize },
    Column { column: usize, next: usize },
}

impl<'g> Hungarian<'g> {
    fn new(graph: &'g Graph) -> Self {
        let rows = graph.rows();
        let columns = graph.columns;
        let max = graph.edge_score.iter().copied().max().unwrap_or(0);
        let nodes = rows + columns + rows;
        Hungarian {
            graph,
            rows,
            columns,
            max,
            row_dual: vec![0; rows],
            column_dual: vec![0; columns + rows],
            assigned: vec![NONE; rows],
            members: vec![Vec::new(); columns],
            dist: vec![FAR; nodes],
            settled: vec![false; nodes],
            touched: Vec::new(),
            buckets: vec![Vec::new(); max as usize + 1],
            tight: TightEdges {
                epoch: 1,
                rows: vec![(0, 0..0); rows],
                columns: Vec::new(),
            },
            free_rows: Vec::new(),
            visited: vec![false; columns + rows],
            stack: Vec::new(),
        }
    }

    fn is_free(&self, column: usize) -> bool {
        if column < self.columns {
            (self.members[column].len() as u32) < self.graph.capacity[column]
        } else {
            self.assigned[column - self.columns] as usize != column
        }
    }

    /// How many rows sit in a column node, and the `index`th of them.
    fn occupants(&self, column: usize) -> usize {
        if column < self.columns {
            self.members[column].len()
        } else {
            1
        }
    }

    fn occupant(&self, column: usize, index: usize) -> usize {
        if column < self.columns {
            self.members[column][index] as usize
        } else {
            column - self.columns
        }
    }

    fn reach(&mut self, node: usize, d: u32) {
        if d < self.dist[node] && d <= self.max {
            if self.dist[node] == FAR {
                self.touched.push(node);
            }
            self.dist[node] = d;
            self.buckets[d as usize].push(node as u32);
        }
    }

    /// One phase: augment along disjoint tight paths from the unplaced rows, after raising the
    /// duals along shortest paths if there were none. Returns false once every row is placed.
    fn phase(&mut self) -> bool {
        let mut free_rows = std::mem::take(&mut self.free_rows);
        free_rows.clear();
        free_rows.extend((0..self.rows).filter(|&r| self.assigned[r] == NONE));
        if free_rows.is_empty() {
            return false;
        }
        // A tight augmenting path means the shortest distance is zero, and raising the duals by
        // zero changes nothing: the costly search only runs once the tight paths are used up.
        // (The search for tight paths has no effect when it finds none.)
        if !self.augment_tight_paths(&free_rows) {
            self.raise_duals(&free_rows);
            self.augment_tight_paths(&free_rows);
        }
        self.free_rows = free_rows;
        true
    }

    /// Raises the duals so that the shortest paths from the unplaced rows become tight.
    fn raise_duals(&mut self, free_rows: &[usize]) {
        let delta = self.shortest_distance(free_rows);
        for node in std::mem::take(&mut self.touched) {
            if self.settled[node] {
                let rise = i64::from(delta - self.dist[node]);
                if node < self.rows {
                    self.row_dual[node] += rise;
                } else {
                    self.column_dual[node - self.rows] -= rise;
                }
            }
            self.dist[node] = FAR;
            self.settled[node] = false;
        }
        for bucket in &mut self.buckets {
            bucket.clear();
        }
        self.tight.epoch += 1;
        self.tight.columns.clear();
    }

    /// Dijkstra from all unplaced rows over reduced costs; the distance to the nearest free
    /// column. Nodes closer than that are marked settled.
    fn shortest_distance(&mut self, free_rows: &[usize]) -> u32 {
        let graph = self.graph;
        for &row in free_rows {
            self.reach(row, 0);
        }
        for d in 0..=self.max {
            // Settling a node at the final distance changes no dual, so the first free column
            // found at distance `d` may end the search.
            let mut index = 0;
            while let Some(&node) = self.buckets[d as usize].get(index) {
                let node = node as usize;
                index += 1;
                if self.dist[node] != d || self.settled[node] {
                    continue;
                }
                if node >= self.rows && self.is_free(node - self.rows) {
                    return d;
                }
                self.settled[node] = true;
                if node < self.rows {
                    let row = node;
                    // Reduced cost = cost − row dual − column dual, with cost = max − score.
                    let base = i64::from(self.max) - self.row_dual[row];
                    for e in graph.row(row) {
                        let column = graph.edge_column[e] as usize;
                        if !self.settled[self.rows + column] {
                            let rc =
                                base - i64::from(graph.edge_score[e]) - self.column_dual[column];
                            self.reach(self.rows + column, d + rc as u32);
                        }
                    }
                    let own = self.columns + row;
                    if !self.settled[self.rows + own] {
                        let rc = base - self.column_dual[own];
                        self.reach(self.rows + own, d + rc as u32);
                    }
                } else {
                    let column = node - self.rows;
                    for i in 0..self.occupants(column) {
                        // Assigned edges are tight: moving a row out costs nothing.
                        let row = self.occupant(column, i);
                        if !self.settled[row] {
                            self.reach(row, d);
                        }
                    }
                }
            }
        }
        // Unreachable: every unplaced row's own unassigned column is free within `max`.
        self.max
    }

    /// Augments along a maximal set of vertex-disjoint tight paths from unplaced rows to free
    /// columns (depth first, without recursion). Returns whether it found any.
    fn augment_tight_paths(&mut self, free_rows: &[usize]) -> bool {
        self.visited.fill(false);
        let mut stack = std::mem::take(&mut self.stack);
        let mut found = false;
        for &start in free_rows {
            stack.clear();
            stack.push(Frame::Row {
                row: start,
                next: 0,
            });
            while let Some(top) = stack.last_mut() {
                match *top {
                    Frame::Row { row, next } => {
                        let list = self.tight_edges(row);
                        let Some((index, column)) = self.tight.columns[list.clone()]
                            .iter()
                            .enumerate()
                            .skip(next)
                            .map(|(index, &column)| (index, column as usize))
                            .find(|&(_, column)| !self.visited[column])
                        else {
                            stack.pop();
                            continue;
                        };
                        *top = Frame::Row {
                            row,
                            next: index + 1,
                        };
                        if self.is_free(column) {
                            self.shift_along(&stack, column);
                            found = true;
                            break;
                        }
                        self.visited[column] = true;
                        stack.push(Frame::Column { column, next: 0 });
                    }
                    Frame::Column { column, next } => {
                        if next == self.occupants(column) {
                            stack.pop();
                            continue;
                        }
                        *top = Frame::Column {
                            column,
                            next: next + 1,
                        };
                        let row = self.occupant(column, next);
                        stack.push(Frame::Row { row, next: 0 });
                    }
                }
            }
        }
        self.stack = stack;
        found
    }

    /// The tight edges of `row` as column nodes, in edge order (its unassigned column last):
    /// where they are in `self.tight.columns`.
    fn tight_edges(&mut self, row: usize) -> std::ops::Range<usize> {
        let (epoch, list) = &self.tight.rows[row];
        if *epoch == self.tight.epoch {
            return list.clone();
        }
        let graph = self.graph;
        let start = self.tight.columns.len();
        // Tight: cost − row dual − column dual = 0, with cost = max − score.
        let base = i64::from(self.max) - self.row_dual[row];
        for e in graph.row(row) {
            let column = graph.edge_column[e];
            if base - i64::from(graph.edge_score[e]) == self.column_dual[column as usize] {
                self.tight.columns.push(column);
            }
        }
        let own = self.columns + row;
        if base == self.column_dual[own] {
            self.tight.columns.push(own as u32);
        }
        let list = start..self.tight.columns.len();
        self.tight.rows[row] = (self.tight.epoch, list.clone());
        list
    }

    /// Moves every row on the path one column on; the last row takes `free`.
    fn shift_along(&mut self, path: &[Frame], free: usize) {
        let mut target = free;
        for frame in path.iter().rev() {
            match *frame {
                Frame::Row { row, .. } => {
                    let previous = self.assigned[row];
                    if previous != NONE && (previous as usize) < self.columns {
                        self.members[previous as usize].retain(|&r| r as usize != row);
                    }
                    self.assigned[row] = target as u32;
                    if target < self.columns {
                        self.members[target].push(row as u32);
                    }
                }
                Frame::Column { column, .. } => target = column,
            }
        }
    }
}
