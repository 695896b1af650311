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
        }
    }

    /// Number of edges of `row`, counting its unassigned column (the last).
    fn degree(&self, row: usize) -> usize {
        self.graph.row(row).len() + 1
    }

    /// The `index`th edge of `row` as `(column node, cost)`.
    fn edge(&self, row: usize, index: usize) -> (usize, u32) {
        let range = self.graph.row(row);
        if index < range.len() {
            let e = range.start + index;
            (
                self.graph.edge_column[e] as usize,
                self.max - self.graph.edge_score[e],
            )
        } else {
            (self.columns + row, self.max)
        }
    }

    fn reduced(&self, row: usize, column: usize, cost: u32) -> i64 {
        i64::from(cost) - self.row_dual[row] - self.column_dual[column]
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

    /// One phase: raise the duals along shortest paths from every unplaced row, then augment
    /// along disjoint tight paths. Returns false once every row is placed.
    fn phase(&mut self) -> bool {
        let free_rows: Vec<usize> = (0..self.rows)
            .filter(|&r| self.assigned[r] == NONE)
            .collect();
        if free_rows.is_empty() {
            return false;
        }
        let delta = self.shortest_distance(&free_rows);
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
        self.augment_tight_paths(&free_rows);
        true
    }

    /// Dijkstra from all unplaced rows over reduced costs; the distance to the nearest free
    /// column. Nodes closer than that are marked settled.
    fn shortest_distance(&mut self, free_rows: &[usize]) -> u32 {
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
                    for i in 0..self.degree(node) {
                        let (column, cost) = self.edge(node, i);
                        if !self.settled[self.rows + column] {
                            let rc = self.reduced(node, column, cost);
                            self.reach(self.rows + column, d + rc as u32);
                        }
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
    /// columns (depth first, without recursion).
    fn augment_tight_paths(&mut self, free_rows: &[usize]) {
        let mut visited = vec![false; self.columns + self.rows];
        let mut stack: Vec<Frame> = Vec::new();
        for &start in free_rows {
            stack.clear();
            stack.push(Frame::Row {
                row: start,
                next: 0,
            });
            while let Some(top) = stack.last_mut() {
                match *top {
                    Frame::Row { row, next } => {
                        if next == self.degree(row) {
                            stack.pop();
                            continue;
                        }
                        *top = Frame::Row {
                            row,
                            next: next + 1,
                        };
                        let (column, cost) = self.edge(row, next);
                        if visited[column] || self.reduced(row, column, cost) != 0 {
                            continue;
                        }
                        if self.is_free(column) {
                            self.shift_along(&stack, column);
                            break;
                        }
                        visited[column] = true;
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
