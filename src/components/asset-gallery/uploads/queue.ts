/** Runs jobs with at most `limit` at a time, in the order they were added; jobs may be added at any time. */
export class LimitedQueue {
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Resolves (never rejects) when the job has run; a job's own failure is its own to report. */
  add(job: () => Promise<unknown>): Promise<void> {
    return new Promise((settled) => {
      this.#waiting.push(() => {
        this.#running += 1;
        job()
          .catch(() => undefined)
          .finally(() => {
            this.#running -= 1;
            settled();
            this.#next();
          });
      });
      this.#next();
    });
  }

  #next(): void {
    while (this.#running < this.limit && this.#waiting.length > 0) this.#waiting.shift()?.();
  }
}
