/** User: the current principal, which the credential test asks for to prove the credentials work. */
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { PRINCIPAL } from '../seed';

export function userRoutes({ tenant, username }: SuperOfficeContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: /^\/v1\/User\/currentPrincipal$/i,
			run: () => ({
				status: 200,
				body: { ...PRINCIPAL, UserName: username, DatabaseContextIdentifier: tenant },
			}),
		},
	];
}
