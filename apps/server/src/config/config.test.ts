import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, '/srv/pictor');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('configuration was accepted');
};

describe('configuration', () => {
  it('when nothing is set, then the defaults run every role on port 3000 with data in ./data and Mastodon-like limits', () => {
    const config = loadConfig({}, '/srv/pictor');
    expect(config).toMatchObject({
      host: '0.0.0.0', port: 3000, dataDir: '/srv/pictor/data', roles: ['api', 'worker', 'gateway'], shardId: 0,
      logLevel: 'info', publicUrl: undefined, cookieSecure: false, trustedProxies: [],
      limits: {
        failedSignInsPerAddress: { max: 25, windowSeconds: 300 },
        failedSignInsPerAccount: { max: 25, windowSeconds: 3600 },
        signUpsPerAddress: { max: 5, windowSeconds: 1800 },
        searchesPerUser: { max: 120, windowSeconds: 60 },
      },
    });
  });

  it('when values are set, then they are read: port, data dir, roles, proxies, rules, public URL', () => {
    const config = loadConfig({
      PORT: '8080', PICTOR_DATA_DIR: '/var/lib/pictor', PICTOR_ROLES: 'api, worker', PICTOR_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.0/8',
      PICTOR_LIMIT_SIGNIN_ADDRESS: '10/60', PICTOR_PUBLIC_URL: 'https://pictor.example/', PICTOR_SHARD_ID: '8191', PICTOR_LOG_LEVEL: 'warn',
    }, '/srv');
    expect(config).toMatchObject({
      port: 8080, dataDir: '/var/lib/pictor', roles: ['api', 'worker'], trustedProxies: ['10.0.0.1', '10.0.0.0/8'],
      publicUrl: 'https://pictor.example', cookieSecure: true, shardId: 8191, logLevel: 'warn',
    });
    expect(config.limits.failedSignInsPerAddress).toEqual({ max: 10, windowSeconds: 60 });
    expect(loadConfig({ PICTOR_DATA_DIR: 'state' }, '/srv').dataDir).toBe('/srv/state');
  });

  it('when a number is not a whole number in range, then the message names the variable and the range', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual(['PORT: "eighty" must be a whole number from 0 to 65535']);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: "70000" must be a whole number from 0 to 65535']);
    expect(problemsOf({ PICTOR_SHARD_ID: '8192' })).toEqual(['PICTOR_SHARD_ID: "8192" must be a whole number from 0 to 8191']);
    expect(problemsOf({ PICTOR_MAX_IMAGE_PIXELS: '1.5' })[0]).toMatch(/^PICTOR_MAX_IMAGE_PIXELS: "1.5" must be a whole number from 1 to/);
    expect(problemsOf({ PICTOR_MAX_UPLOAD_BYTES: '10' })[0]).toMatch(/^PICTOR_MAX_UPLOAD_BYTES: "10" must be a whole number from 1024/);
    expect(problemsOf({ PICTOR_CELEBRITY_FOLLOWERS: '0' })[0]).toMatch(/^PICTOR_CELEBRITY_FOLLOWERS/);
    expect(problemsOf({ PICTOR_TIMELINE_CAPACITY: '5' })[0]).toMatch(/^PICTOR_TIMELINE_CAPACITY/);
    expect(problemsOf({ PICTOR_INACTIVE_AFTER_DAYS: '-2' })[0]).toMatch(/^PICTOR_INACTIVE_AFTER_DAYS/);
  });

  it('when a role is unknown, or "all" is mixed with roles, then start-up stops and says which roles exist', () => {
    expect(problemsOf({ PICTOR_ROLES: 'api,cron' })).toEqual(['PICTOR_ROLES: unknown role "cron"; use all, api, worker, gateway']);
    expect(problemsOf({ PICTOR_ROLES: 'all,api' })).toEqual(['PICTOR_ROLES: "all" already runs every role; list roles or say all, not both']);
  });

  it('when a rate rule is not MAX/SECONDS, then the message shows the expected shape', () => {
    for (const raw of ['25', '25/', '/300', 'ten/300', '0/300', '25/0', '25 per 300', '-1/300']) {
      expect(problemsOf({ PICTOR_LIMIT_SIGNUP_ADDRESS: raw }), raw).toEqual([`PICTOR_LIMIT_SIGNUP_ADDRESS: "${raw}" must look like MAX/SECONDS, for example 25/300`]);
    }
    for (const name of ['PICTOR_LIMIT_SIGNIN_ADDRESS', 'PICTOR_LIMIT_SIGNIN_ACCOUNT', 'PICTOR_LIMIT_WRITES_USER']) {
      expect(problemsOf({ [name]: 'x' })[0]).toMatch(new RegExp(`^${name}: `));
    }
  });

  it('when the secure-cookie switch contradicts an http public URL, then start-up stops and says how to fix it', () => {
    expect(problemsOf({ PICTOR_COOKIE_SECURE: 'true', PICTOR_PUBLIC_URL: 'http://pictor.example' })).toEqual([
      'PICTOR_COOKIE_SECURE=true with an http:// PICTOR_PUBLIC_URL: browsers would never send the session cookie; serve https or set PICTOR_COOKIE_SECURE=false',
    ]);
    expect(loadConfig({ PICTOR_COOKIE_SECURE: 'false', PICTOR_PUBLIC_URL: 'https://pictor.example' }).cookieSecure).toBe(false);
    expect(loadConfig({ PICTOR_PUBLIC_URL: 'http://localhost:3000' }).cookieSecure).toBe(false);
  });

  it('when a switch is not true or false, a URL is not http(s), or the log level is unknown, then each says so', () => {
    expect(problemsOf({ PICTOR_COOKIE_SECURE: 'maybe' })).toEqual(['PICTOR_COOKIE_SECURE: "maybe" must be true or false']);
    expect(problemsOf({ PICTOR_PUBLIC_URL: 'ftp://pictor.example' })).toEqual(['PICTOR_PUBLIC_URL must be an absolute http(s) URL']);
    expect(problemsOf({ PICTOR_PUBLIC_URL: 'pictor.example' })).toEqual(['PICTOR_PUBLIC_URL must be an absolute http(s) URL']);
    expect(problemsOf({ PICTOR_LOG_LEVEL: 'loud' })).toEqual(['PICTOR_LOG_LEVEL: "loud" is not a level; use fatal, error, warn, info, debug, trace or silent']);
  });

  it('when an engine of the scale profile is configured, then start-up says this build is embedded-only', () => {
    expect(problemsOf({ PICTOR_REDIS_URL: 'redis://localhost' })).toEqual([
      'PICTOR_REDIS_URL is set, but this build has only the embedded profile (SQLite and local files); unset it',
    ]);
  });

  it('when the cache sizes are set, then they are read; the timelines\' old name stops start-up with the new one', () => {
    expect(loadConfig({ PICTOR_CACHE_TTL_SECONDS: '0', PICTOR_CACHE_ENTRIES: '500', PICTOR_CACHE_READERS: '20' }).cache).toEqual({ ttlMs: 0, entries: 500, readers: 20 });
    expect(problemsOf({ PICTOR_CACHE_TIMELINES: '2000' })).toEqual([
      'PICTOR_CACHE_TIMELINES is now PICTOR_CACHE_READERS (it sizes every per-reader cache); rename it',
    ]);
  });

  it('when several things are wrong, then every problem is listed at once in one message', () => {
    try {
      loadConfig({ PORT: 'x', PICTOR_ROLES: 'nope', PICTOR_COOKIE_SECURE: 'perhaps' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(3);
      expect((error as Error).message).toMatch(/^Pictor cannot start, the configuration needs fixing:\n {2}- /);
    }
  });
});
