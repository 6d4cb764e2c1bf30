import autocannon, { type Request } from 'autocannon';
import { machineCpuTicks, processCpuMs } from './machine.js';

export interface LoadPoint {
  connections: number;
  /** Successful (2xx) answers. */
  requests: number;
  seconds: number;
  /** Successful answers per second. */
  rps: number;
  /** Latency percentiles of successful answers, in milliseconds. */
  p50: number;
  p99: number;
  /** Non-2xx answers, socket errors and timeouts. */
  failures: number;
  /** Server CPU time per successful answer, in µs (when `serverPid` was given): steadier than rates on a shared machine. */
  serverCpuUs?: number;
  /** How busy the whole machine was during the run (0..1 of all cores): near 1 means the cores, not the code, set the pace. */
  machineBusy?: number;
}

export interface NextRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  /**
   * The requests client number `client` sends, in a loop. Built once up front so
   * the load generator (which shares the machine with the server) stays cheap;
   * giving each client its own list spreads a run over many accounts.
   */
  requestsFor: (client: number) => NextRequest[];
  /** The server's process id, to report its CPU time per answer. */
  serverPid?: number;
}

const toRequest = (next: NextRequest): Request => ({
  method: next.method,
  path: next.path,
  headers: next.body ? { ...next.headers, 'content-type': 'application/json' } : (next.headers ?? {}),
  ...(next.body ? { body: next.body } : {}),
});

/**
 * Runs `connections` clients, each sending its next request as soon as the
 * previous answer arrives (closed loop, HTTP/1.1 keep-alive, no pipelining).
 * Latencies are kept exactly (autocannon's own histogram rounds to whole
 * milliseconds, too coarse for a bare route).
 */
export async function runLoad(spec: LoadSpec): Promise<LoadPoint> {
  const latencies: number[] = [];
  let clients = 0;
  const serverCpuBefore = spec.serverPid ? processCpuMs(spec.serverPid) : Number.NaN;
  const machineBefore = machineCpuTicks();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const { requestsFor } = spec;
    const options: autocannon.Options = {
      url: spec.url, connections: spec.connections, duration: spec.seconds, timeout: 30,
      requests: requestsFor(0).map(toRequest),
      setupClient: (client) => client.setRequests(requestsFor(clients++).map(toRequest)),
    };
    const instance = autocannon(options, (error, finished) => (error ? fail(error) : done(finished)));
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  const serverCpuMs = spec.serverPid ? processCpuMs(spec.serverPid) - serverCpuBefore : Number.NaN;
  const machineAfter = machineCpuTicks();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    connections: spec.connections,
    requests: latencies.length,
    seconds: result.duration,
    rps: latencies.length / result.duration,
    p50: at(0.5),
    p99: at(0.99),
    failures: result.non2xx + result.errors + result.timeouts,
    ...(Number.isFinite(serverCpuMs) && latencies.length ? { serverCpuUs: (serverCpuMs * 1000) / latencies.length } : {}),
    ...(Number.isFinite(machineAfter.busy) ? { machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total) } : {}),
  };
}
