// The council staff's pages look like every other page: the public layout's header and footer.
export { default } from '../(public)/layout';
