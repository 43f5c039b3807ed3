/**
 * Runs tasks with two limits: so many at once in all, and fewer at once on
 * each site, so that a site with many links is never hammered. Written here
 * because the common pools (p-limit, p-queue) know one limit only.
 */

export interface PoolLimits {
  /** Tasks running at once, in all. */
  concurrency: number;
  /** Tasks running at once for one key (one site). */
  perKey: number;
}

/**
 * `work` for each item, at most `concurrency` at once and `perKey` at once
 * per `keyOf(item)`; results in the order of `items`. `work` must not
 * reject: its failures are results like any other.
 */
export function runPool<T, R>(
  items: readonly T[],
  keyOf: (item: T) => string,
  work: (item: T) => Promise<R>,
  limits: PoolLimits,
): Promise<R[]> {
  const concurrency = Math.max(1, Math.floor(limits.concurrency));
  const perKey = Math.max(1, Math.floor(limits.perKey));
  const results: R[] = new Array(items.length);
  const waiting = items.map((item, index) => ({ item, index, key: keyOf(item) }));
  const runningPerKey = new Map<string, number>();
  let running = 0;
  let done = 0;

  return new Promise((resolve, reject) => {
    if (items.length === 0) return resolve(results);
    const pump = () => {
      // The first waiting task whose site has room: sites with few links are not held up by one with many.
      for (let i = 0; i < waiting.length && running < concurrency;) {
        const task = waiting[i]!;
        const onKey = runningPerKey.get(task.key) ?? 0;
        if (onKey >= perKey) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        running++;
        runningPerKey.set(task.key, onKey + 1);
        work(task.item).then((result) => {
          results[task.index] = result;
          running--;
          runningPerKey.set(task.key, runningPerKey.get(task.key)! - 1);
          if (++done === items.length) resolve(results);
          else pump();
        }, reject);
      }
    };
    pump();
  });
}
