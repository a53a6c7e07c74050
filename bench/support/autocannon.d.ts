// autocannon 8 ships no types and @types/autocannon stops at 7.12: only what bench/ uses.
declare module 'autocannon' {
	export interface Request {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string | Buffer;
		/** Called before each request is sent; returns the request to send. */
		setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
		onResponse?: (
			status: number,
			body: string,
			context: Record<string, unknown>,
			headers: Record<string, string | string[]>
		) => void;
	}

	export interface Options extends Request {
		url: string;
		connections?: number;
		/** Seconds. */
		duration?: number;
		pipelining?: number;
		/** Seconds. */
		timeout?: number;
		amount?: number;
		requests?: Request[];
		excludeErrorStats?: boolean;
	}

	export interface Histogram {
		average: number;
		mean: number;
		stddev: number;
		min: number;
		max: number;
		total: number;
		p50: number;
		p90: number;
		p97_5: number;
		p99: number;
	}

	export interface Result {
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		'1xx': number;
		'2xx': number;
		'3xx': number;
		'4xx': number;
		'5xx': number;
		statusCodeStats: Record<string, { count: number }>;
		latency: Histogram;
		requests: Histogram & { sent: number };
		throughput: Histogram;
	}

	export interface Instance extends PromiseLike<Result> {
		stop(): void;
	}

	export default function autocannon(options: Options): Instance;
}
