/** Per-request context: the signed-in user (from a verified token, never from a header claim), clients and loaders. */
import DataLoader from 'dataloader';
import type { Client } from '@temporalio/client';
import type {
  AgencyDto,
  ApplicationDto,
  DocumentDto,
  ProfileDto,
  StageEventDto,
  TalentSettings,
} from '@seleksi/domain';
import {
  querySelectionState,
  querySelectionSummary,
  type OpenSelectionState,
  type OpenSelectionSummary,
} from '@seleksi/workflows';
import type { Logger } from 'pino';
import type { Account, AccountRepository } from './auth/accounts';
import type { TokenService } from './auth/tokens';
import type { GatewayConfig } from './config';
import type { SelectionSummaryDto, ServiceClients } from '@seleksi/kit';
import type { ApplyPipeline } from './apply';
import type { NoticePreferences } from './notices/notifier';
import type { SignInThrottle } from './security/throttle';
import { SharedReads, sharesReads } from './shared-reads';

export interface GatewayDeps {
  config: GatewayConfig;
  services: ServiceClients;
  temporal: Client;
  accounts: AccountRepository;
  tokens: TokenService;
  logger: Logger;
  /** The apply path's queue, per-selection Update limit and selection cache (one per gateway). */
  apply: ApplyPipeline;
  /** Each account's choice of non-essential notices. */
  noticePreferences: NoticePreferences;
  /** Sign-in throttling and its security events (state in the store, shared by all gateways). */
  throttle: SignInThrottle;
  /** Selections and documents kept a moment for the public and candidates (see shared-reads.ts). */
  sharedReads: SharedReads;
}

export interface GraphQLContext extends GatewayDeps {
  user: Account | null;
  sessionId: string | null;
  /** The request's `Idempotency-Key` header (a client's retry of one decision sends the same key). */
  idempotency: { key: string | null; uses: number };
  /** When the HTTP request arrived (server clock), before its body was read: the receipt time of an application. */
  receivedAt: Date;
  /** The client's address (socket peer, or X-Forwarded-For behind TRUST_PROXY), for throttling. */
  clientAddress: string;
  /** The shared reads when this viewer may use them (the public, candidates), else ones that keep nothing. */
  shared: SharedReads;
  loaders: {
    /** The read model without its stage history (which `stageHistory` loads when a query asks for it). */
    selection: DataLoader<string, SelectionSummaryDto | null>;
    stageHistory: DataLoader<string, StageEventDto[]>;
    application: DataLoader<string, ApplicationDto | null>;
    document: DataLoader<string, DocumentDto | null>;
    profile: DataLoader<string, ProfileDto | null>;
    /** An agency by code (per key: a request names few agencies, whatever the number of rows). */
    agency: DataLoader<string, AgencyDto | null>;
    /** The open-selection workflow's state by selection id (one Temporal query per selection and request). */
    process: DataLoader<string, OpenSelectionState | null>;
    /** The same without applications (a round of thousands stays cheap to check membership against). */
    summary: DataLoader<string, OpenSelectionSummary | null>;
    /** An agency's stored talent settings by agency code (null while it configured nothing). */
    talentSettings: DataLoader<string, TalentSettings | null>;
  };
}

/** Resolves the bearer token of a request to a live session's account. */
export async function authenticate(
  deps: Pick<GatewayDeps, 'tokens' | 'accounts'>,
  authorization: string | null | undefined,
): Promise<{ user: Account | null; sessionId: string | null }> {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!m) return { user: null, sessionId: null };
  const claims = await deps.tokens.verify(m[1]!.trim());
  if (!claims) return { user: null, sessionId: null };
  const user = await deps.accounts.accountForSession(claims.sessionId, new Date(), claims.userId);
  if (!user || user.id !== claims.userId) return { user: null, sessionId: null };
  return { user, sessionId: claims.sessionId };
}

export async function createContext(
  deps: GatewayDeps,
  authorization: string | null | undefined,
  idempotencyKey?: string | null,
  receivedAt: Date = new Date(),
  /** The same request's authentication, when already started (at header arrival, see server.ts). */
  started?: ReturnType<typeof authenticate>,
  clientAddress = 'unknown',
): Promise<GraphQLContext> {
  const { user, sessionId } = await (started ?? authenticate(deps, authorization));
  const shared = sharesReads(user) ? deps.sharedReads : FRESH_READS;
  return {
    ...deps,
    user,
    sessionId,
    idempotency: { key: idempotencyKey ?? null, uses: 0 },
    receivedAt,
    clientAddress,
    shared,
    loaders: new RequestLoaders(deps, shared),
  };
}

/** Staff's reads: nothing kept, every read asks the services. */
const FRESH_READS = new SharedReads(0, 1);

type Loaders = GraphQLContext['loaders'];

/**
 * One request's loaders, each made when first used: a read names two or three kinds of record, and
 * making all nine for every request cost more than the loaders it used.
 * One batched service call per tick for each kind of record (no N+1).
 */
class RequestLoaders implements Loaders {
  readonly #made: Partial<Loaders> = {};

  constructor(
    private readonly deps: GatewayDeps,
    private readonly shared: SharedReads,
  ) {}

  /** The loader `key`, made by `make` the first time it is asked for. */
  #once<K extends keyof Loaders>(key: K, make: () => Loaders[K]): Loaders[K] {
    return (this.#made[key] ??= make()) as Loaders[K];
  }

  get selection() {
    return this.#once(
      'selection',
      () =>
        new DataLoader((ids) =>
          this.shared.many('selection', ids, (missing) =>
            this.deps.services.candidate.getSelectionSummariesByIds(missing),
          ),
        ),
    );
  }

  get stageHistory() {
    return this.#once(
      'stageHistory',
      () =>
        new DataLoader(async (ids) =>
          (await this.deps.services.candidate.getSelectionsByIds(ids)).map((s) => s?.stageHistory ?? []),
        ),
    );
  }

  get profile() {
    return this.#once('profile', () => new DataLoader((ids) => this.deps.services.candidate.getProfilesByIds(ids)));
  }

  get agency() {
    return this.#once(
      'agency',
      () => new DataLoader((codes) => Promise.all(codes.map((code) => this.deps.services.candidate.getAgency(code)))),
    );
  }

  /** The running process of each selection (a Temporal query), found through its summary. */
  get process() {
    return this.#once(
      'process',
      () =>
        new DataLoader((ids) =>
          Promise.all(
            ids.map(async (id) => {
              const s = await this.selection.load(id);
              return s ? querySelectionState(this.deps.temporal, s.agencyCode, s.id) : null;
            }),
          ),
        ),
    );
  }

  get summary() {
    return this.#once(
      'summary',
      () =>
        new DataLoader((ids) =>
          Promise.all(
            ids.map(async (id) => {
              const s = await this.selection.load(id);
              return s ? querySelectionSummary(this.deps.temporal, s.agencyCode, s.id) : null;
            }),
          ),
        ),
    );
  }

  get application() {
    return this.#once(
      'application',
      () => new DataLoader((ids) => this.deps.services.candidate.getApplicationsByIds(ids)),
    );
  }

  get document() {
    return this.#once(
      'document',
      () =>
        new DataLoader((ids) =>
          this.shared.many('document', ids, (missing) => this.deps.services.document.getDocumentsByIds(missing)),
        ),
    );
  }

  // Per agency: a request names few agencies, whatever the number of rows.
  get talentSettings() {
    return this.#once(
      'talentSettings',
      () =>
        new DataLoader((codes) =>
          Promise.all(codes.map((code) => this.deps.services.assessment.getTalentSettings(code))),
        ),
    );
  }
}
