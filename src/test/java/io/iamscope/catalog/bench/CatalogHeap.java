package io.iamscope.catalog.bench;

import io.iamscope.catalog.Catalog;

/**
 * Prints the heap the loaded catalog retains and a cold load time, for docs/performance.md. Heap is measured as
 * used memory after a full GC, before and after loading, with the catalog kept reachable.
 */
public final class CatalogHeap {
    private CatalogHeap() {
    }

    public static void main(String[] args) throws InterruptedException {
        long before = usedAfterGc();
        long start = System.nanoTime();
        Catalog catalog = Catalog.load();
        long coldMillis = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf("cold load: %d ms%nactions: %d, services: %d%nretained heap: %.1f MiB%n", coldMillis,
                catalog.size(), catalog.services().size(), (after - before) / (1024.0 * 1024.0));
        System.out.println(catalog.action(0).fullName().isEmpty() ? "" : "");
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
