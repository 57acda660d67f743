import './style.css';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { OptionsApp } from '@/components/options/options-app';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });
createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <OptionsApp />
  </QueryClientProvider>,
);
