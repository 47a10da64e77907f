// The platform's public API through the gateway, always with the signed-in user's token.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

export class Api {
  constructor(session) {
    this.session = session;
  }

  async fetch(path, params, accept) {
    const query = params ? `?${new URLSearchParams(params)}` : '';
    const answer = await fetch(`${path}${query}`, {
      headers: { Authorization: `Bearer ${await this.session.token()}`, Accept: accept },
    });
    if (!answer.ok) {
      let detail;
      try {
        detail = (await answer.json()).detail;
      } catch {
        detail = undefined;
      }
      throw new ApiError(answer.status, detail);
    }
    return answer;
  }

  async json(path, params) {
    return (await this.fetch(path, params, 'application/json')).json();
  }

  /** The answer, or `fallback` when the caller may not see it (403, 404): names the API keeps from this role. */
  async jsonOr(path, fallback) {
    try {
      return await this.json(path);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return fallback;
      throw error;
    }
  }

  brands() {
    return this.json('/api/v1/brands');
  }

  shops(brandId) {
    return this.json(`/api/v1/brands/${encodeURIComponent(brandId)}/shops`);
  }

  vendors() {
    return this.jsonOr('/api/v1/vendors', []);
  }

  engagements() {
    return this.json('/api/v1/engagements');
  }

  teams(vendorId) {
    return this.jsonOr(`/api/v1/vendors/${encodeURIComponent(vendorId)}/teams`, []);
  }

  agents(vendorId) {
    return this.jsonOr(`/api/v1/vendors/${encodeURIComponent(vendorId)}/agents`, []);
  }

  /** `GET /api/v1/kpis` (analytics-service/docs/kpi-api.md). */
  kpis({ brandId, from, to, groupBy, kpis }) {
    return this.json('/api/v1/kpis', { brandId, from, to, groupBy: groupBy.join(','), kpis: kpis.join(',') });
  }

  async kpisCsv({ brandId, from, to, groupBy, kpis }) {
    const params = { brandId, from, to, groupBy: groupBy.join(','), kpis: kpis.join(','), format: 'csv' };
    return (await this.fetch('/api/v1/kpis', params, 'text/csv')).text();
  }
}
