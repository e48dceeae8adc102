// The web app's entry: customer pages (/c/<token>) and the merchant dashboard are separate bundles, so a
// customer's phone downloads only its own part.
import { render } from 'preact';
import './styles/base.css';

const root = document.getElementById('app')!;

if (location.pathname.startsWith('/c/')) {
  const { CustomerApp } = await import('./customer/customer-app.tsx');
  render(<CustomerApp />, root);
} else {
  const { MerchantApp } = await import('./merchant/merchant-app.tsx');
  render(<MerchantApp />, root);
}
