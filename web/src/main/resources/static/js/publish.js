// How the page says that it has finished drawing something. Each panel, the graph and the work
// queues carry data-state ("loading", "ready" or "error") and aria-busy while they load, and
// data-render, a counter that goes up each time a render ends, so that anyone watching (a screen
// reader, a browser test) knows when a *new* render is there without guessing at time.

/** The render state of one or more elements that are drawn together. */
export class Rendering {
  constructor(...elements) {
    this.elements = elements;
    this.pending = 0;
    this.failed = false;
    this.renders = 0;
    this.publish('ready');
  }

  /**
   * Runs work that draws into the elements. They are "loading" until the last of any overlapping
   * works ends; then "ready", or "error" if one of them failed (its error is passed on).
   */
  async run(work) {
    if (this.pending === 0) {
      this.failed = false;
    }
    this.pending += 1;
    this.publish('loading');
    try {
      return await work();
    } catch (e) {
      this.failed = true;
      throw e;
    } finally {
      this.pending -= 1;
      if (this.pending === 0) {
        this.renders += 1;
        this.publish(this.failed ? 'error' : 'ready');
      }
    }
  }

  publish(state) {
    this.elements.forEach((element) => {
      element.dataset.state = state;
      element.setAttribute('aria-busy', String(state === 'loading'));
      element.dataset.render = String(this.renders);
    });
  }
}

/**
 * Tells whether an answer is still wanted: next() returns a check that stays true until next() is
 * called again, so an answer that arrives after a newer request was made is dropped, not drawn.
 */
export class Latest {
  constructor() {
    this.count = 0;
  }

  next() {
    this.count += 1;
    const mine = this.count;
    return () => mine === this.count;
  }
}
