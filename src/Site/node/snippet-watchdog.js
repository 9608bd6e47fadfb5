// Stops a snippet whose synchronous code runs past its timeout, like vm's `timeout` option but without its cost:
// `timeout` starts and joins a thread for every run (0.05 ms on an idle machine, 0.5 ms and more on a busy one).
//
// Here a run uses `breakOnSigint` instead, and one thread of ours, started once, sends the worker SIGINT when a run
// passes its deadline; node stops the run just as for `timeout`. That thread waits inside a breakOnSigint call of its
// own, for good: this keeps node's SIGINT helper thread running (else every run would start and stop one) and takes a
// SIGINT that comes when no run is left to stop. Until the thread is ready, and for good once anything listens for
// SIGINT (node then takes the signal over), runs use `timeout`.
'use strict';
const vm = require('node:vm');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

// The shared state, one Int32 each. RUN: 0 while no run is guarded, the run's id while it is, minus the id once its
// SIGINT is sent (until that lands). Times are whole milliseconds since `origin` (process.hrtime).
const RUN = 0, DEADLINE = 1, WAKE = 2, READY = 3, OFF = 4;
const NEVER = 0x7fffffff;

const elapsed = origin => {
  const [s, ns] = process.hrtime(origin);
  return s * 1e3 + ns / 1e6;
};
const interrupted = error => error?.code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED';

class Watchdog {
  /** `onSigint` is called on a SIGINT that was not ours (node would have ended). */
  constructor(onSigint) {
    this.onSigint = onSigint;
    this.state = new Int32Array(new SharedArrayBuffer(5 * 4));
    this.origin = process.hrtime();
    this.id = 0;
    this.run = null; // what the guarded call runs: { script, context }
    const thread = new Worker(__filename, { workerData: { buffer: this.state.buffer, origin: this.origin } });
    thread.unref();
    thread.on('message', onSigint);
    thread.on('error', () => this.off());
    // Listening for SIGINT makes node take the signal from the helper thread: ours would no longer stop a run.
    process.on('newListener', event => { if (event === 'SIGINT') this.off(); });
    // The frame of the guarded call is the worker's own (snippet-errors.js leaves it out of stack traces).
    this.guarded = new vm.Script('run()', { filename: __filename });
    this.guardedContext = vm.createContext({ run: () => this.guard() });
  }

  off() {
    Atomics.store(this.state, OFF, 1);
  }

  /** Whether runs are guarded here; the first run waits for the thread to start (a few milliseconds). */
  ready() {
    const state = this.state;
    if (Atomics.load(state, READY) === 0 && Atomics.wait(state, READY, 0, 5000) === 'timed-out' && Atomics.load(state, READY) === 0) this.off();
    return Atomics.load(state, OFF) === 0;
  }

  /** Runs the script in the context, stopping it past `timeoutMs` with an ERR_SCRIPT_EXECUTION_TIMEOUT error. */
  runInContext(script, context, timeoutMs) {
    const state = this.state;
    if (!this.ready() || !this.settled()) {
      return script.runInContext(context, { timeout: timeoutMs, displayErrors: false });
    }
    const id = this.id = this.id % (NEVER - 1) + 1;
    this.run = { script, context, deadline: Math.min(Math.ceil(elapsed(this.origin) + timeoutMs) + 1, NEVER) };
    try {
      const result = this.guarded.runInContext(this.guardedContext, { breakOnSigint: true, displayErrors: false });
      if (Atomics.load(state, RUN) === -id) throw timedOut(timeoutMs); // past its deadline; the signal comes after
      return result;
    } catch (error) {
      if (!interrupted(error)) throw Atomics.load(state, RUN) === -id ? timedOut(timeoutMs) : error;
      if (Atomics.compareExchange(state, RUN, -id, 0) === -id) throw timedOut(timeoutMs);
      Atomics.compareExchange(state, RUN, id, 0);
      this.onSigint();
      throw error;
    } finally {
      this.run = null;
    }
  }

  /** Inside the breakOnSigint call: tells the thread the deadline and runs the script. */
  guard() {
    const { script, context, deadline } = this.run;
    const state = this.state;
    Atomics.store(state, DEADLINE, deadline);
    Atomics.store(state, RUN, this.id);
    if (deadline < Atomics.load(state, WAKE)) Atomics.notify(state, RUN);
    try {
      return script.runInContext(context, { displayErrors: false });
    } finally {
      Atomics.compareExchange(state, RUN, this.id, 0);
    }
  }

  /** Whether no SIGINT of ours is on its way: one sent as its run ended lands in the thread, which then says so. */
  settled() {
    for (let run; (run = Atomics.load(this.state, RUN)) < 0;) {
      if (Atomics.wait(this.state, RUN, run, 1000) === 'timed-out' && Atomics.load(this.state, RUN) === run) {
        this.off(); // it never came: back to `timeout`
        return false;
      }
    }
    return true;
  }
}

function timedOut(ms) {
  return Object.assign(new Error(`Script execution timed out after ${ms}ms`), { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });
}

/** The thread: sleeps until the guarded run's deadline, then sends SIGINT, from inside a breakOnSigint call. */
function watch({ buffer, origin }) {
  const state = new Int32Array(buffer);
  let strayed = false; // our SIGINT came here: its run had ended
  const loop = () => {
    Atomics.store(state, READY, 1);
    Atomics.notify(state, READY);
    for (;;) {
      const run = Atomics.load(state, RUN);
      if (run < 0 && strayed) {
        strayed = false;
        Atomics.store(state, RUN, 0);
        Atomics.notify(state, RUN);
      } else if (run <= 0 || Atomics.load(state, OFF) === 1) {
        Atomics.store(state, WAKE, NEVER);
        Atomics.wait(state, RUN, run);
      } else if (Atomics.load(state, DEADLINE) > elapsed(origin)) {
        const deadline = Atomics.load(state, DEADLINE);
        Atomics.store(state, WAKE, deadline);
        Atomics.wait(state, RUN, run, deadline - elapsed(origin));
      } else if (Atomics.compareExchange(state, RUN, run, -run) === run) {
        process.kill(process.pid, 'SIGINT');
      }
    }
  };
  const script = new vm.Script('loop()', { filename: __filename });
  const context = vm.createContext({ loop });
  for (;;) {
    try {
      script.runInContext(context, { breakOnSigint: true });
    } catch (error) {
      if (!interrupted(error)) throw error;
      // Ours, after its run ended (cleared once listening again, so no run can take the next one first), or someone
      // else's: it would have ended the worker.
      if (Atomics.load(state, RUN) < 0) strayed = true;
      else parentPort.postMessage('SIGINT');
    }
  }
}

if (!isMainThread && workerData?.buffer) watch(workerData);

module.exports = { Watchdog };
