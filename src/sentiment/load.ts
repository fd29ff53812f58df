/** The analyzer, loaded on first use: its lexicons and models cost ~0.3 s that app start should not pay. */
export const loadAnalyzer = () => import('./analyze');
