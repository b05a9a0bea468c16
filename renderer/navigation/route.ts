// The screen shown, kept in the address hash so that reload (and the back button) returns to it.
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'archive'; seriesId: number | null }
  | { screen: 'series'; seriesId: number | 'new' }
  | { screen: 'issue'; issueId: number }
  | { screen: 'stats'; seriesId: number };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const id = Number(parts[1]);
  if (parts[0] === 'issue' && Number.isInteger(id) && id > 0) return { screen: 'issue', issueId: id };
  if (parts[0] === 'series' && parts[1] === 'new') return { screen: 'series', seriesId: 'new' };
  if (parts[0] === 'series' && Number.isInteger(id) && id > 0) return { screen: 'series', seriesId: id };
  if (parts[0] === 'stats' && Number.isInteger(id) && id > 0) return { screen: 'stats', seriesId: id };
  if (parts[0] === 'archive' && Number.isInteger(id) && id > 0) return { screen: 'archive', seriesId: id };
  return { screen: 'archive', seriesId: null };
}

function routeHash(route: Route): string {
  switch (route.screen) {
    case 'issue':
      return `#/issue/${route.issueId}`;
    case 'series':
      return `#/series/${route.seriesId}`;
    case 'stats':
      return `#/stats/${route.seriesId}`;
    case 'archive':
      return route.seriesId === null ? '#/archive' : `#/archive/${route.seriesId}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
