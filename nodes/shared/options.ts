// The throughput options every operation offers (combining, pacing, retry, timeout) and the policy they
// produce. They are read once per execution, so none of them takes an expression.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { RequestPolicy } from './http';

export interface ThroughputOptions {
	combine?: boolean;
	batchSize?: number;
	combineWindow?: number;
	requestsPerSecond?: number;
	maxWait?: number;
	maxTries?: number;
	timeout?: number;
}

/** What a service documents or advises, and what one request of an operation can carry. */
export interface ServiceDefaults {
	service: string;
	/** The documented (or advised) request rate */
	requestsPerSecond: number;
	/** Only for operations that combine values: what one request carries */
	batch?: { unit: string; default: number; max: number };
}

export const DEFAULT_MAX_WAIT_S = 300;
export const DEFAULT_MAX_TRIES = 3;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_COMBINE_WINDOW_MS = 200;

/** What the execution's requests follow. */
export interface Throughput extends RequestPolicy {
	combine: boolean;
	batchSize: number;
	/** How long a lone run waits for concurrent runs to share its request */
	combineWindowMs: number;
}

/**
 * The entries that read the same for every service. Each service adds its own Requests per Second and
 * (when it combines) Batch Size entries, whose defaults must be literals for n8n's linter.
 */
export function sharedThroughputOptions(service: string, { combines }: { combines: boolean }): INodeProperties[] {
	const combining: INodeProperties[] = [
		{
			displayName: 'Combine Items',
			name: 'combine',
			type: 'boolean',
			noDataExpression: true,
			default: true,
			description: `Whether to combine items for the same target, from this run and from other runs at the same moment (same credential), into as few requests as ${service} allows. Turn off to send one request per item.`,
		},
		{
			displayName: 'Combine Window (Ms)',
			name: 'combineWindow',
			type: 'number',
			noDataExpression: true,
			typeOptions: { minValue: 0, maxValue: 2000 },
			default: 200,
			description:
				'How long a request that is not full waits for items from runs that start at the same moment (e.g. one per webhook event): it goes once no run has joined for this long, or after 1 second while runs keep joining. 0 sends at once; a request that has to wait for the rate limit keeps taking items anyway.',
		},
	];
	return [
		...(combines ? combining : []),
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			noDataExpression: true,
			typeOptions: { minValue: 0, maxValue: 3600 },
			default: 300,
			description: `How long to keep sending a request again while ${service} rate limits it (429) or asks to come back later (503 with Retry-After). Such a request was not processed, so repeating it is always safe.`,
		},
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			noDataExpression: true,
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 3,
			description:
				'How many times to send a request that got no answer in time, lost its connection, or got 502/503/504, when sending it again is harmless (removals, deletions, reads). Sends and creates are never repeated after such an unknown outcome.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			noDataExpression: true,
			typeOptions: { minValue: 1 },
			default: 60000,
			description: 'How many milliseconds to wait for an answer to one request',
		},
	];
}

/** A node's "Options" collection, entries in alphabetical order as n8n's guidelines ask. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
	const number = Number(value);
	return value !== undefined && value !== '' && Number.isFinite(number)
		? Math.min(max, Math.max(min, number))
		: fallback;
}

/** The throughput the node's Options ask for, read once per execution. */
export function readThroughput(context: IExecuteFunctions, defaults: ServiceDefaults): Throughput {
	const options = context.getNodeParameter('options', 0, {}) as ThroughputOptions;
	return {
		combine: options.combine !== false,
		batchSize: Math.floor(clamp(options.batchSize, 1, defaults.batch?.max ?? 1, defaults.batch?.default ?? 1)),
		combineWindowMs: clamp(options.combineWindow, 0, 2000, DEFAULT_COMBINE_WINDOW_MS),
		rate: clamp(options.requestsPerSecond, 0.1, 100, defaults.requestsPerSecond),
		maxWaitMs: clamp(options.maxWait, 0, 3600, DEFAULT_MAX_WAIT_S) * 1000,
		maxTries: Math.floor(clamp(options.maxTries, 1, 10, DEFAULT_MAX_TRIES)),
		timeoutMs: clamp(options.timeout, 1, 3_600_000, DEFAULT_TIMEOUT_MS),
	};
}

/** The policy for requests outside an execution's options (pickers, trigger lifecycle and deliveries). */
export function defaultPolicy(defaults: ServiceDefaults, overrides: Partial<RequestPolicy> = {}): RequestPolicy {
	return {
		rate: defaults.requestsPerSecond,
		maxWaitMs: DEFAULT_MAX_WAIT_S * 1000,
		maxTries: DEFAULT_MAX_TRIES,
		timeoutMs: DEFAULT_TIMEOUT_MS,
		...overrides,
	};
}
