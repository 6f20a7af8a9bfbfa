// Starts GraphiQL on /graphiql (local mode) from the WebJars the page loaded, signed in with the
// browser's session: requests go to /graphql with the session cookie and the CSRF token that
// Spring Security keeps in the XSRF-TOKEN cookie. No inline script, so the strict CSP holds.
// The page publishes its state in body[data-graphiql]: loading, ready (schema read) or failed.

(function start() {
  'use strict';

  const GRAPHQL = '/graphql';
  const FIRST_QUERY = '# The fictional demo data: try\n'
    + '{\n  searchPeople(text: "archer", first: 5) {\n    id\n    givenName\n    familyName\n  }\n}\n';

  function csrfToken() {
    const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : null;
  }

  async function fetcher(params) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    const response = await fetch(GRAPHQL, {
      method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(params),
    });
    if (response.status === 401) {
      window.location.assign('/login');
    }
    const body = await response.json();
    if (params.operationName === 'IntrospectionQuery') {
      document.body.dataset.graphiql = body.data && body.data.__schema ? 'ready' : 'failed';
    }
    return body;
  }

  /**
   * GraphiQL's tabs, history and variables kept for this page only, never in the browser's storage:
   * the next person to sign in on this browser must not find the names and ids searched before. What
   * earlier versions left in localStorage is removed.
   */
  function pageStorage() {
    Object.keys(localStorage).filter((k) => k.startsWith('graphiql:')).forEach((k) => localStorage.removeItem(k));
    const kept = new Map();
    return {
      getItem: (key) => (kept.has(key) ? kept.get(key) : null),
      setItem: (key, value) => { kept.set(key, String(value)); },
      removeItem: (key) => { kept.delete(key); },
      clear: () => { kept.clear(); },
      get length() { return kept.size; },
    };
  }

  // a first request with the session writes the CSRF cookie before GraphiQL posts anything
  fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .catch(() => null)
    .then(() => {
      const root = ReactDOM.createRoot(document.getElementById('graphiql'));
      root.render(React.createElement(GraphiQL, {
        fetcher, defaultQuery: FIRST_QUERY, defaultEditorToolsVisibility: true, storage: pageStorage(),
      }));
    });
}());
