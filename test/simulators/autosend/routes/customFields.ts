/** Custom fields: the project's contact fields beyond the reserved ones, for pickers and value checks. */
import type { Route } from '../../common/routes';
import type { AutoSendContext } from '../context';
import { ok } from '../helpers';

export function customFieldRoutes({ state }: AutoSendContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: /^\/custom-fields$/,
			run: () => ok({ customFields: [...state.customFields.values()] }),
		},
	];
}
