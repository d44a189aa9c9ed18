import { env } from '../env';

/**
 * Every rate limit of the app, in one place. A rule is a named bucket, how many requests it lets
 * through and over how long a sliding window; lib/limits/rate-limit.ts counts them. The numbers
 * that operators may want to change come from the environment (lib/env.ts), read when a rule is
 * used so tests and a restarted process see the current configuration.
 */
export type RateLimitRule = {
  /** Stored with every hit (rate_limit_hits.bucket): keep it stable once deployed. */
  bucket: string;
  max: number;
  windowSeconds: number;
};

const HOUR = 60 * 60;

export function rateLimitRules() {
  const e = env();
  return {
    // Sign-in links (lib/limits/sign-in-limit.ts says how the three work together; addresses
    // are counted as mailboxes, lib/limits/mailbox-key.ts).
    /** Asked for one address from one client address: a person's own retries. */
    signInPerAddressFromClient: { bucket: 'sign_in_address_client', max: e.SIGN_IN_LIMIT_PER_ADDRESS, windowSeconds: HOUR },
    /** Asked for one address from anywhere: past it, only a client's first request gets a link. */
    signInPerAddress: { bucket: 'sign_in_address', max: e.SIGN_IN_CEILING_PER_ADDRESS, windowSeconds: HOUR },
    /** Asked from one client address: stops one machine mailing many people. */
    signInPerIp: { bucket: 'sign_in_ip', max: e.SIGN_IN_LIMIT_PER_IP, windowSeconds: HOUR },
    /** The appeal ladder, per activist (lib/appeals/rules.ts): one at a time… */
    appealBurst: { bucket: 'appeal_burst', max: 1, windowSeconds: e.APPEAL_MIN_SECONDS_BETWEEN },
    /** …a few an hour… */
    appealHourly: { bucket: 'appeal_hour', max: e.APPEAL_LIMIT_PER_HOUR, windowSeconds: HOUR },
    /** …and a day's worth, so a script cannot write to every council in a night. */
    appealDaily: { bucket: 'appeal_day', max: e.APPEAL_LIMIT_PER_DAY, windowSeconds: 24 * HOUR },
    /** Following a council by email (lib/notifications/follow.ts): confirmation mails per address… */
    followPerAddress: { bucket: 'follow_address', max: e.FOLLOW_LIMIT_PER_ADDRESS, windowSeconds: HOUR },
    /** …and per client address. */
    followPerIp: { bucket: 'follow_ip', max: e.FOLLOW_LIMIT_PER_IP, windowSeconds: HOUR },
  } satisfies Record<string, RateLimitRule>;
}

export type RateLimitRuleName = keyof ReturnType<typeof rateLimitRules>;
