// How the page says that it has finished drawing something. Each panel, the graph and the work
// queues carry data-state ("loading", "ready" or "error") and aria-busy while they load, and
// data-render, a counter that goes up each time a render ends, so that anyone watching (a screen
// reader, a browser test) knows when a *new* render is there without guessing at time. What shows
// the facts of a day also says which day (data-as-of), and says "loading" from the moment the as-of
// day changes until the new day's facts are drawn (dayChanging), never "ready" with the old day's.

/** The renderings that show the facts of the as-of day (followsTheDay). */
const followers = new Set();

/** The render state of one or more elements that are drawn together. */
export class Rendering {
  constructor(...elements) {
    this.elements = elements;
    this.pending = 0;
    this.failed = false;
    this.renders = 0;
    /** Whether the content answers a day that is no longer the page's (hold), until a run draws the new one. */
    this.held = false;
    /** The as-of day of what is drawn (data-as-of), once a render has said so (shows). */
    this.day = null;
    this.publish('ready');
  }

  /** The elements show the facts of the as-of day: dayChanging holds them until they are drawn again. */
  followsTheDay() {
    followers.add(this);
    return this;
  }

  /**
   * Runs work that draws into the elements. They are "loading" until the last of any overlapping
   * works ends; then "ready", or "error" if one of them failed (its error is passed on). A run
   * answers a hold: the elements stay "loading" until it ends.
   */
  async run(work) {
    if (this.pending === 0) {
      this.failed = false;
    }
    if (this.held) {
      this.held = false;
    } else {
      this.pending += 1;
    }
    this.publish('loading');
    try {
      return await work();
    } catch (e) {
      this.failed = true;
      throw e;
    } finally {
      this.end();
    }
  }

  /**
   * What the elements show no longer answers the page (a new as-of day): they say "loading" from
   * now until the next run ends, or until release() when nothing is to be drawn again.
   */
  hold() {
    if (this.held) {
      return;
    }
    if (this.pending === 0) {
      this.failed = false;
    }
    this.held = true;
    this.pending += 1;
    this.publish('loading');
  }

  /** Ends a hold that no run answered: the elements say what they said before (their day unchanged). */
  release() {
    if (!this.held) {
      return;
    }
    this.held = false;
    this.pending -= 1;
    if (this.pending === 0) {
      this.publish(this.failed ? 'error' : 'ready');
    }
  }

  /** Says the as-of day of what the work drew (published as data-as-of when the render ends). */
  shows(day) {
    this.day = day;
  }

  end() {
    this.pending -= 1;
    if (this.pending === 0) {
      this.renders += 1;
      this.publish(this.failed ? 'error' : 'ready');
    }
  }

  publish(state) {
    this.elements.forEach((element) => {
      element.dataset.state = state;
      element.setAttribute('aria-busy', String(state === 'loading'));
      element.dataset.render = String(this.renders);
      if (this.day) {
        element.dataset.asOf = this.day;
      }
    });
  }
}

/** The as-of day changed: everything that shows a day's facts says "loading" at once (in this event). */
export function dayChanging() {
  followers.forEach((r) => r.hold());
}

/** The new day is drawn: anything that was not drawn again (nothing to draw) says what it said before. */
export function dayDrawn() {
  followers.forEach((r) => r.release());
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
