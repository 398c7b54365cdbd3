export async function measureBrowser() { return { unavailable: 'browser part not written yet' }; }
