/** What the logframe page's actions send back, as the components read it. */
export interface LogframeForm {
	action?: string;
	values?: Record<string, string>;
	errors?: Record<string, string>;
	node?: string;
	done?: string;
	importErrors?: { sheet: string; row: number; column: string | null; message: string }[];
}

/** Tells the page what changed: it announces it and moves focus to the node (by id). */
export type Announce = (message: string, nodeId: string | null) => void;
