// planBatches decides how many requests a run sends; these are its rules, as plain data in and out.
import type { ItemPlan } from '../../nodes/shared/batching';
import { planBatches } from '../../nodes/shared/batching';

const plan = (itemIndex: number, group: string, ...values: string[]): ItemPlan<string> => ({
	itemIndex,
	group,
	values,
});
const identity = (value: string) => value;

describe('planBatches', () => {
	it('puts items for the same group in one request and keeps groups apart', () => {
		expect(planBatches([plan(0, 'A', 'a1'), plan(1, 'B', 'b1'), plan(2, 'A', 'a2')], identity, 100)).toEqual([
			{ group: 'A', values: ['a1', 'a2'], itemIndexes: [0, 2] },
			{ group: 'B', values: ['b1'], itemIndexes: [1] },
		]);
	});

	it('splits at the chunk size: ceil(n / chunk) requests, the last one holding the rest', () => {
		const plans = Array.from({ length: 1001 }, (_, i) => plan(i, 'A', `v${i}`));
		const batches = planBatches(plans, identity, 500);

		expect(batches.map((batch) => batch.values.length)).toEqual([500, 500, 1]);
		expect(batches[2].itemIndexes).toEqual([1000]);
	});

	it('fills a chunk exactly at the boundary without an empty extra request', () => {
		const plans = Array.from({ length: 200 }, (_, i) => plan(i, 'A', `v${i}`));

		expect(planBatches(plans, identity, 100).map((batch) => batch.values.length)).toEqual([100, 100]);
	});

	it('sends a value asked for twice once, and tells both items they were carried', () => {
		expect(planBatches([plan(0, 'A', 'x', 'x'), plan(1, 'A', 'x', 'y')], identity, 100)).toEqual([
			{ group: 'A', values: ['x', 'y'], itemIndexes: [0, 1] },
		]);
	});

	it('lets one item with many values span several requests', () => {
		const values = Array.from({ length: 250 }, (_, i) => `v${i}`);
		const batches = planBatches([plan(0, 'A', ...values), plan(1, 'A', 'w')], identity, 100);

		expect(batches.map((batch) => [batch.values.length, batch.itemIndexes])).toEqual([
			[100, [0]],
			[100, [0]],
			[51, [0, 1]],
		]);
	});

	it('with combining off gives every item requests of its own', () => {
		expect(planBatches([plan(0, 'A', 'x'), plan(1, 'A', 'x'), plan(2, 'A', 'y', 'z')], identity, 100, false)).toEqual([
			{ group: 'A', values: ['x'], itemIndexes: [0] },
			{ group: 'A', values: ['x'], itemIndexes: [1] },
			{ group: 'A', values: ['y', 'z'], itemIndexes: [2] },
		]);
	});
});
