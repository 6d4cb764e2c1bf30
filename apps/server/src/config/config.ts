import { isAbsolute, resolve } from 'node:path';
import type { RateRule } from '../platform/rate-limit.js';

/**
 * Every setting Pictor reads, parsed once from the environment at start-up. Anything
 * wrong or contradictory stops the process with a message that says what to fix.
 */
export type Role = 'api' | 'worker' | 'gateway';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  roles: Role[];
  shardId: number;
  logLevel: string;
  publicUrl: string | undefined;
  cookieSecure: boolean;
  trustedProxies: string[];
  limits: {
    failedSignInsPerAddress: RateRule;
    failedSignInsPerAccount: RateRule;
    signUpsPerAddress: RateRule;
    writesPerUser: RateRule;
    searchesPerUser: RateRule;
  };
  media: {
    maxImagePixels: number;
    maxUploadBytes: number;
    maxFilesPerPost: number;
  };
  feed: {
    celebrityFollowerThreshold: number;
    timelineCapacity: number;
    inactiveAfterDays: number;
    /** Registers /api/v1/bench/* routes (a storage-free feed page to measure against). Never in production. */
    benchRoutes: boolean;
  };
  /** In-process caches in front of the stores (main/compose-caches.ts says which, and why). */
  cache: {
    /** How long a cached record may be served; bounds staleness when several processes write. 0 turns caching off. */
    ttlMs: number;
    /** Posts, and users, always kept in memory (the most recently used; up to twice as many are held); three times as many posts' counters. */
    entries: number;
    /** Most readers whose newest timeline entries, relations and affinity are kept in memory. */
    readers: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Pictor cannot start, the configuration needs fixing:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const read = createReaders(env, problems);

  const roles = read.list('PICTOR_ROLES', ['all']);
  const knownRoles = ['all', 'api', 'worker', 'gateway'];
  for (const role of roles) {
    if (!knownRoles.includes(role)) problems.push(`PICTOR_ROLES: unknown role "${role}"; use ${knownRoles.join(', ')}`);
  }
  if (roles.includes('all') && roles.length > 1) problems.push('PICTOR_ROLES: "all" already runs every role; list roles or say all, not both');
  const publicUrl = env.PICTOR_PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) problems.push('PICTOR_PUBLIC_URL must be an absolute http(s) URL');
  const cookieSecure = read.bool('PICTOR_COOKIE_SECURE', publicUrl?.startsWith('https://') ?? false);
  if (cookieSecure && publicUrl?.startsWith('http://')) {
    problems.push('PICTOR_COOKIE_SECURE=true with an http:// PICTOR_PUBLIC_URL: browsers would never send the session cookie; serve https or set PICTOR_COOKIE_SECURE=false');
  }
  for (const engine of ['PICTOR_CASSANDRA_URL', 'PICTOR_REDIS_URL', 'PICTOR_S3_URL', 'PICTOR_KAFKA_URL', 'PICTOR_NEO4J_URL']) {
    if (env[engine]) problems.push(`${engine} is set, but this build has only the embedded profile (SQLite and local files); unset it`);
  }
  // Renamed when it came to size the relation and affinity caches too: the old name, ignored, would size nothing.
  if (env.PICTOR_CACHE_TIMELINES) problems.push('PICTOR_CACHE_TIMELINES is now PICTOR_CACHE_READERS (it sizes every per-reader cache); rename it');
  const feed = {
    celebrityFollowerThreshold: read.int('PICTOR_CELEBRITY_FOLLOWERS', 10_000, 1),
    timelineCapacity: read.int('PICTOR_TIMELINE_CAPACITY', 800, 20),
    inactiveAfterDays: read.int('PICTOR_INACTIVE_AFTER_DAYS', 30, 1),
    benchRoutes: read.bool('PICTOR_BENCH_ROUTES', false),
  };
  const dataDir = env.PICTOR_DATA_DIR || './data';
  const config: Config = {
    host: env.HOST || '0.0.0.0',
    port: read.int('PORT', 3000, 0, 65535),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    roles: (roles.includes('all') ? ['api', 'worker', 'gateway'] : roles) as Role[],
    shardId: read.int('PICTOR_SHARD_ID', 0, 0, 8191),
    logLevel: env.PICTOR_LOG_LEVEL || 'info',
    publicUrl,
    cookieSecure,
    trustedProxies: read.list('PICTOR_TRUSTED_PROXIES', []),
    limits: {
      failedSignInsPerAddress: read.rule('PICTOR_LIMIT_SIGNIN_ADDRESS', { max: 25, windowSeconds: 300 }),
      failedSignInsPerAccount: read.rule('PICTOR_LIMIT_SIGNIN_ACCOUNT', { max: 25, windowSeconds: 3600 }),
      signUpsPerAddress: read.rule('PICTOR_LIMIT_SIGNUP_ADDRESS', { max: 5, windowSeconds: 1800 }),
      writesPerUser: read.rule('PICTOR_LIMIT_WRITES_USER', { max: 300, windowSeconds: 300 }),
      searchesPerUser: read.rule('PICTOR_LIMIT_SEARCH_USER', { max: 120, windowSeconds: 60 }),
    },
    media: {
      maxImagePixels: read.int('PICTOR_MAX_IMAGE_PIXELS', 50_000_000, 1),
      maxUploadBytes: read.int('PICTOR_MAX_UPLOAD_BYTES', 30 * 1024 * 1024, 1024),
      maxFilesPerPost: 10,
    },
    feed,
    cache: {
      ttlMs: read.int('PICTOR_CACHE_TTL_SECONDS', 30, 0, 3600) * 1000,
      entries: read.int('PICTOR_CACHE_ENTRIES', 20_000, 100, 10_000_000),
      readers: read.int('PICTOR_CACHE_READERS', 5000, 1, 1_000_000),
    },
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`PICTOR_LOG_LEVEL: "${config.logLevel}" is not a level; use fatal, error, warn, info, debug, trace or silent`);
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function createReaders(env: Env, problems: string[]) {
  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}: "${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  return {
    int,
    bool(name: string, fallback: boolean) {
      const raw = env[name]?.toLowerCase();
      if (raw === undefined || raw === '') return fallback;
      if (['true', '1', 'yes'].includes(raw)) return true;
      if (['false', '0', 'no'].includes(raw)) return false;
      problems.push(`${name}: "${env[name]}" must be true or false`);
      return fallback;
    },
    list(name: string, fallback: string[]) {
      const raw = env[name];
      if (raw === undefined || raw.trim() === '') return fallback;
      return raw.split(',').map((s) => s.trim()).filter(Boolean);
    },
    /** "25/300" means at most 25 in any 300-second window. */
    rule(name: string, fallback: RateRule): RateRule {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
      if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
        problems.push(`${name}: "${raw}" must look like MAX/SECONDS, for example 25/300`);
        return fallback;
      }
      return { max: Number(match[1]), windowSeconds: Number(match[2]) };
    },
  };
}
