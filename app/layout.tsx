import type { ReactNode } from 'react';

// The real root layout is app/[locale]/layout.tsx (it sets <html lang>). This one only lets
// app/not-found.tsx, which renders its own <html>, answer unknown addresses.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
