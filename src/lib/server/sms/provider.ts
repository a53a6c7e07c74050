/**
 * What the outbox needs from an SMS gateway: hand over one message. Twilio is the first; Africa's
 * Talking or an Android phone acting as gateway can follow with the same shape.
 */

/** A channel's credentials, the token already decrypted; never logged. */
export interface ProviderChannel {
	accountId: string;
	/** E.164: the organisation's own number. */
	senderNumber: string;
	authToken: string;
}

/**
 * `retry` says whether the same message may succeed later (rate limited, gateway down), as
 * opposed to a refusal that will not change (bad number, bad credentials). `error` is short and
 * carries neither the number nor the body.
 */
export type SendResult = { ok: true; id: string } | { ok: false; retry: boolean; error: string };

export interface SmsProvider {
	/** Hands one message to the gateway; never throws for a failed delivery, only for bugs. */
	send(channel: ProviderChannel, to: string, body: string): Promise<SendResult>;
}
