// The batching and rate-limit options every operation offers, and the request policy they produce.
import type { INodeProperties } from 'n8n-workflow';
import type { RequestPolicy } from './pacing';
import { Pacer } from './pacing';

export interface BatchingOptions {
	combine?: boolean;
	batchSize?: number;
	requestsPerSecond?: number;
	maxTries?: number;
	timeout?: number;
}

export interface BatchingDefaults {
	service: string;
	/** The documented (or advised) request rate */
	requestsPerSecond: number;
	/** Only for operations that combine items: what one request carries */
	batch?: { unit: string; default: number; max: number };
}

const DEFAULT_MAX_TRIES = 5;
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The options-collection entries for batching, pacing and retry that read the same for every service.
 * Each service adds its own Requests per Second and (when it combines) Batch Size entries, whose
 * defaults must be literals for n8n's linter.
 */
export function batchingOptions(service: string, { combines }: { combines: boolean }): INodeProperties[] {
	const combine: INodeProperties = {
		displayName: 'Combine Items',
		name: 'combine',
		type: 'boolean',
		default: true,
		description: `Whether to combine items for the same target into as few requests as ${service} allows. Turn off to send one request per item.`,
	};
	return [
		...(combines ? [combine] : []),
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 5,
			description: `How many times to send a request that ${service} rate limited (429), that found it briefly unavailable (503), or that lost its connection or timed out, before reporting the failure`,
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60000,
			description: 'How many milliseconds to wait for an answer before giving up on (and retrying) a request',
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

export interface ExecutionPlan extends RequestPolicy {
	combine: boolean;
	batchSize: number;
	concurrency: number;
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : fallback;
}

/** One policy per execution: every request of the run shares the same pacer. */
export function executionPlan(options: BatchingOptions, defaults: BatchingDefaults): ExecutionPlan {
	const requestsPerSecond = clamp(options.requestsPerSecond, 0.1, 100, defaults.requestsPerSecond);
	return {
		combine: options.combine !== false,
		batchSize: Math.floor(clamp(options.batchSize, 1, defaults.batch?.max ?? 1, defaults.batch?.default ?? 1)),
		pacer: new Pacer(requestsPerSecond),
		// Enough requests in flight to reach the rate at a few hundred ms of latency, and no more.
		concurrency: Math.max(2, Math.ceil(requestsPerSecond)),
		maxTries: Math.floor(clamp(options.maxTries, 1, 10, DEFAULT_MAX_TRIES)),
		timeoutMs: clamp(options.timeout, 1, 3_600_000, DEFAULT_TIMEOUT_MS),
	};
}
