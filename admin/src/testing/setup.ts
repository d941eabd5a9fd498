// Component tests run beside the API suite on a 2-core CI machine: give testing-library's findBy*/waitFor more than
// their 1 s default before they give up (a passing test returns as soon as its element appears).
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 8_000 });
