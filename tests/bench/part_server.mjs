export async function measureServer() { return { unavailable: 'server part not written yet' }; }
