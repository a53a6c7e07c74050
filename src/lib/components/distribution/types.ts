/** What the distribution page's actions send back; each component reads its own part. */

export interface QrShape {
	size: number;
	path: string;
}

export interface CodeCard {
	code: string;
	url: string;
	qr: QrShape;
}

export interface DistributionForm {
	action?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	saved?: boolean;
	link?: string;
	revoked?: number;
	cards?: CodeCard[];
	csv?: string;
	expiresOn?: string | null;
}

export interface LinkView {
	id: string;
	url: string;
	status: 'open' | 'paused' | 'closed';
	state: 'open' | 'paused' | 'closed' | 'ended';
	endsOn: string | null;
	qr: QrShape;
}
