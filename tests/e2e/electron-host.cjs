// The browser of the browser tests on a machine with the Electron binary but no Chrome or
// Chromium: one plain window; each test navigates it to the web build (never the network).
const { app, BrowserWindow } = require('electron');

app.whenReady().then(() => {
  const win = new BrowserWindow({ width: 1440, height: 900, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL('about:blank');
});
app.on('window-all-closed', () => app.quit());
