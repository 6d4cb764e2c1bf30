/**
 * The composition root: the only place that picks adapters and wires modules.
 * Everything else receives its dependencies as parameters.
 */
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import pino from 'pino';
import { createArgon2Hasher } from '../adapters/argon2/password-hasher.argon2.js';
import { createFileBlobStore } from '../adapters/files/blob-store.files.js';
import { createMemoryRateLimiter } from '../adapters/memory/rate-limiter.memory.js';
import { createMemoryRealtimeHub } from '../adapters/memory/realtime-hub.memory.js';
import { createSharpImageProcessor } from '../adapters/sharp/image-processor.sharp.js';
import { createSharpPhotoProcessor } from '../adapters/sharp/photo-processor.sharp.js';
import { createSqliteAlbumStore } from '../adapters/sqlite/album-store.sqlite.js';
import { openSqlite } from '../adapters/sqlite/database.js';
import { createOutboxWriter, createSqliteEventLog } from '../adapters/sqlite/event-log.sqlite.js';
import { createSqliteGraphStore } from '../adapters/sqlite/graph-store.sqlite.js';
import { createSqlitePostStore } from '../adapters/sqlite/post-store.sqlite.js';
import { createSqliteSessionStore } from '../adapters/sqlite/session-store.sqlite.js';
import { createSqliteSignInAttempts } from '../adapters/sqlite/sign-in-attempts.sqlite.js';
import { createSqliteUserStore } from '../adapters/sqlite/user-store.sqlite.js';
import { createZxcvbnPolicy } from '../adapters/zxcvbn/password-policy.zxcvbn.js';
import type { Config } from '../config/config.js';
import { createAccountsModule } from '../modules/accounts/public.js';
import { createGraphModule } from '../modules/graph/public.js';
import { createMediaModule } from '../modules/media/public.js';
import { createNotificationsModule } from '../modules/notifications/public.js';
import { createPostsModule } from '../modules/posts/public.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { createHttpApp } from '../platform/http/app.js';
import { registerBareBenchRoute } from '../platform/http/bench-routes.js';
import { registerHealth } from '../platform/http/health.js';
import { registerSessionAuth } from '../platform/http/session-auth.js';
import { registerWriteLimit } from '../platform/http/write-limit.js';
import { createIdGenerator } from '../platform/ids.js';
import { startEventConsumers } from '../platform/jobs/event-consumers.js';
import { createMediaUrl } from '../platform/media-url.js';
import { registerRealtimeGateway } from '../platform/ws/gateway.js';
import { chooseCaches } from './compose-caches.js';
import { composeInteractionsAndFeed } from './compose-feed.js';
import { registerWebApp } from './web-app.js';

export interface ComposeOptions {
  clock?: Clock;
  /** Cheaper password hashing for tests; never set in production. */
  fastPasswordHashing?: boolean;
}

export async function compose(config: Config, options: ComposeOptions = {}) {
  const clock = options.clock ?? systemClock;
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'token'] });
  const ids = createIdGenerator(config.shardId, () => clock.now().getTime());
  const db = openSqlite(join(config.dataDir, 'pictor.db'));
  const outbox = createOutboxWriter(db);
  const events = createSqliteEventLog(db, outbox);
  const blobs = createFileBlobStore(join(config.dataDir, 'media'));
  const images = createSharpImageProcessor(config.media.maxImagePixels);
  const mediaUrl = createMediaUrl(config.publicUrl);
  const caches = chooseCaches(config, clock);
  const graphStore = caches.graph(createSqliteGraphStore(db, outbox));
  const postStore = caches.posts(createSqlitePostStore(db, outbox));
  const hub = createMemoryRealtimeHub();
  const limiter = createMemoryRateLimiter(clock);

  const media = createMediaModule({ blobs, images, photos: createSharpPhotoProcessor(config.media.maxImagePixels), maxImagePixels: config.media.maxImagePixels, logger });
  const accounts = createAccountsModule({
    stores: { users: caches.users(createSqliteUserStore(db, outbox)), sessions: createSqliteSessionStore(db), attempts: createSqliteSignInAttempts(db) },
    security: {
      hasher: createArgon2Hasher(options.fastPasswordHashing ? { memoryCost: 1024, timeCost: 1 } : {}),
      policy: createZxcvbnPolicy(),
      limiter,
    },
    limits: {
      signInPerAddress: config.limits.failedSignInsPerAddress,
      signInPerAccount: config.limits.failedSignInsPerAccount,
      signUpPerAddress: config.limits.signUpsPerAddress,
      searchPerUser: config.limits.searchesPerUser,
    },
    avatars: media.avatars,
    platform: { ids, clock, mediaUrl, cookieSecure: config.cookieSecure },
  });
  const graph = createGraphModule({
    graph: graphStore,
    accounts: accounts.directory,
    postCounts: (userIds) => postStore.counts(userIds),
    platform: { ids, clock, mediaUrl },
  });
  const posts = createPostsModule({
    stores: { posts: postStore, albums: createSqliteAlbumStore(db) },
    photos: media.photos,
    accounts: accounts.directory,
    visibility: graph.visibility,
    // Interactions are built on posts, so posts reach them late, at call time.
    engagement: { forPosts: (viewerId, list) => interactions.engagement.forPosts(viewerId, list) },
    platform: { ids, clock, mediaUrl },
  });
  const { interactions, feed } = composeInteractionsAndFeed({
    db, outbox, config, caches, accounts: accounts.directory, graph,
    posts: { lookup: postStore, ...posts.reader },
    platform: { ids, clock, mediaUrl },
  });

  const app = await createHttpApp({ logger, trustedProxies: config.trustedProxies });
  await app.register(multipart, { limits: { fileSize: config.media.maxUploadBytes, files: config.media.maxFilesPerPost, fields: 40, parts: 60 }, throwFileSizeLimit: true });
  registerSessionAuth(app, accounts.authenticate);
  registerWriteLimit(app, limiter, config.limits.writesPerUser);
  if (config.roles.includes('gateway')) await registerRealtimeGateway(app, hub, accounts.authenticate, { publicUrl: config.publicUrl });
  registerHealth(app, config.roles, {
    database: async () => void db.prepare('SELECT 1').get(),
    media: () => access(config.dataDir, constants.W_OK),
  });
  accounts.registerRoutes(app, graph.counts, graph.reader.blockedAmong);
  graph.registerRoutes(app);
  media.registerRoutes(app);
  posts.registerRoutes(app);
  interactions.registerRoutes(app);
  feed.registerRoutes(app, { benchRoutes: config.feed.benchRoutes });
  if (config.feed.benchRoutes) registerBareBenchRoute(app);
  await registerWebApp(app);

  const notifications = createNotificationsModule({ hub });
  const subscriptions = [...media.subscriptions(), ...graph.subscriptions(), ...posts.subscriptions(), ...interactions.subscriptions(), ...feed.subscriptions(), ...notifications.subscriptions()];
  let consumers: ReturnType<typeof startEventConsumers> | null = null;

  return {
    app,
    logger,
    db,
    /** For tools (rebuild-counters) and benchmarks. */
    interactions,
    feed,
    /** Starts the roles this process runs. */
    async start() {
      if (config.roles.includes('worker')) consumers = startEventConsumers(events, subscriptions, logger);
      if (config.roles.includes('api') || config.roles.includes('gateway')) await app.listen({ host: config.host, port: config.port });
      return app.server.address();
    },
    /** Waits until background work has caught up with every event so far. */
    async drain() {
      await consumers?.drain();
    },
    async stop() {
      await app.close();
      await consumers?.stop();
      db.close();
    },
  };
}

export type Pictor = Awaited<ReturnType<typeof compose>>;
