// A few of the CSS variables VS Code injects into every webview, with the values of its default themes, so the
// rendering test can show the sidebar as it looks in light, dark and high-contrast.
const COMMON = {
  '--vscode-font-family': '-apple-system, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"Droid Sans Mono", monospace',
};

export const THEMES: Record<'dark' | 'light' | 'high-contrast', Record<string, string>> = {
  dark: {
    ...COMMON,
    '--vscode-foreground': '#cccccc', '--vscode-sideBar-background': '#181818', '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-sideBarSectionHeader-foreground': '#cccccc', '--vscode-widget-border': '#313131',
    '--vscode-list-hoverBackground': '#2a2d2e', '--vscode-list-inactiveSelectionBackground': '#37373d',
    '--vscode-list-activeSelectionBackground': '#04395e', '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-focusBorder': '#0078d4', '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#026ec1', '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc', '--vscode-button-secondaryHoverBackground': '#3c3c3c',
    '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8', '--vscode-charts-green': '#89d185',
    '--vscode-charts-blue': '#3794ff', '--vscode-charts-orange': '#d18616', '--vscode-errorForeground': '#f85149',
    '--vscode-editorWarning-foreground': '#cca700', '--vscode-editorInfo-foreground': '#3794ff',
    '--vscode-textBlockQuote-background': '#2b2b2b', '--vscode-editorWidget-background': '#202020',
  },
  light: {
    ...COMMON,
    '--vscode-foreground': '#3b3b3b', '--vscode-sideBar-background': '#f8f8f8', '--vscode-descriptionForeground': '#717171',
    '--vscode-sideBarSectionHeader-foreground': '#3b3b3b', '--vscode-widget-border': '#e5e5e5',
    '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-list-inactiveSelectionBackground': '#e4e6f1',
    '--vscode-list-activeSelectionBackground': '#e8e8e8', '--vscode-list-activeSelectionForeground': '#000000',
    '--vscode-focusBorder': '#005fb8', '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#0258a8', '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-secondaryHoverBackground': '#cccccc',
    '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b', '--vscode-charts-green': '#388a34',
    '--vscode-charts-blue': '#1a85ff', '--vscode-charts-orange': '#d18616', '--vscode-errorForeground': '#e51400',
    '--vscode-editorWarning-foreground': '#bf8803', '--vscode-editorInfo-foreground': '#1a85ff',
    '--vscode-textBlockQuote-background': '#f8f8f8', '--vscode-editorWidget-background': '#e8e8e8',
  },
  'high-contrast': {
    ...COMMON,
    '--vscode-foreground': '#ffffff', '--vscode-sideBar-background': '#000000', '--vscode-descriptionForeground': '#ffffffb3',
    '--vscode-sideBarSectionHeader-foreground': '#ffffff', '--vscode-widget-border': '#6fc3df', '--vscode-contrastBorder': '#6fc3df',
    '--vscode-contrastActiveBorder': '#f38518', '--vscode-list-hoverBackground': '#000000',
    '--vscode-list-inactiveSelectionBackground': '#000000', '--vscode-list-activeSelectionBackground': '#000000',
    '--vscode-focusBorder': '#f38518', '--vscode-button-background': '#000000', '--vscode-button-foreground': '#ffffff',
    '--vscode-button-border': '#6fc3df', '--vscode-button-secondaryBackground': '#000000', '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-badge-background': '#000000', '--vscode-badge-foreground': '#ffffff', '--vscode-charts-green': '#89d185',
    '--vscode-charts-blue': '#3794ff', '--vscode-charts-orange': '#d18616', '--vscode-errorForeground': '#f48771',
    '--vscode-editorWarning-foreground': '#ffd370', '--vscode-editorInfo-foreground': '#3794ff',
    '--vscode-textBlockQuote-background': '#000000', '--vscode-editorWidget-background': '#0c141f',
  },
};
