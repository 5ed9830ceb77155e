package io.iamscope.analysis.review;

import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.PrincipalNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;

/**
 * What every node of the access graph can reach, for all nodes at once: the strongly connected components
 * (Tarjan's algorithm, iterative), then one bit set per component, the union of its members and of the sets of
 * the components it has edges to (Tarjan finishes a component after every component it reaches). Every edge
 * counts, conditional ones too, and paths of any length: an upper bound of a blast radius's reachable principals,
 * linear in the graph for the structure and in components × nodes / 64 for the sets. Members of one component
 * reach the same nodes (an account's administrators and every principal that can become one share one).
 */
public final class ReachSets {
    private final List<PrincipalNode> nodes;
    private final Map<PrincipalNode, Integer> index;
    private final int[] component;
    private final List<BitSet> reach;

    private ReachSets(List<PrincipalNode> nodes, Map<PrincipalNode, Integer> index, int[] component,
                      List<BitSet> reach) {
        this.nodes = nodes;
        this.index = index;
        this.component = component;
        this.reach = reach;
    }

    public static ReachSets of(AccessGraph graph) {
        return of(graph, new ArrayList<>(graph.graph().vertexSet()));
    }

    /**
     * Over a given list of nodes, which may hold nodes the graph lacks (they reach only themselves): two graphs
     * indexed over one list have bit sets that compare bit for bit (a diff of two snapshots).
     */
    public static ReachSets of(AccessGraph graph, List<PrincipalNode> nodes) {
        Graph<PrincipalNode, AccessEdge> g = graph.graph();
        Map<PrincipalNode, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        int n = nodes.size();
        int[][] succ = new int[n][];
        for (int i = 0; i < n; i++) {
            PrincipalNode node = nodes.get(i);
            succ[i] = !g.containsVertex(node) ? new int[0]
                    : g.outgoingEdgesOf(node).stream().mapToInt(e -> index.get(e.to())).toArray();
        }
        int[] order = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        java.util.Arrays.fill(order, -1);
        boolean[] onStack = new boolean[n];
        Deque<Integer> stack = new ArrayDeque<>();
        List<BitSet> reach = new ArrayList<>();
        int counter = 0;
        int[] next = new int[n];
        for (int start = 0; start < n; start++) {
            if (order[start] >= 0) {
                continue;
            }
            Deque<Integer> call = new ArrayDeque<>();
            call.push(start);
            order[start] = low[start] = counter++;
            stack.push(start);
            onStack[start] = true;
            while (!call.isEmpty()) {
                int v = call.peek();
                if (next[v] < succ[v].length) {
                    int w = succ[v][next[v]++];
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        call.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                call.pop();
                if (!call.isEmpty()) {
                    low[call.peek()] = Math.min(low[call.peek()], low[v]);
                }
                if (low[v] == order[v]) {
                    int c = reach.size();
                    BitSet set = new BitSet(n);
                    List<Integer> members = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component[w] = c;
                        members.add(w);
                        set.set(w);
                    } while (w != v);
                    for (int m : members) {
                        for (int s : succ[m]) {
                            if (component[s] != c || !set.get(s)) {
                                set.or(reach.get(component[s]));
                            }
                        }
                    }
                    reach.add(set);
                }
            }
        }
        return new ReachSets(nodes, index, component, reach);
    }

    /** The nodes {@code n} reaches, itself included (as bit positions of {@link #node(int)}). */
    public BitSet of(PrincipalNode n) {
        return reach.get(component[index.get(n)]);
    }

    /** The component of a node: nodes of one component reach the same nodes. */
    public int componentOf(PrincipalNode n) {
        return component[index.get(n)];
    }

    public PrincipalNode node(int i) {
        return nodes.get(i);
    }

    public int size() {
        return nodes.size();
    }
}
